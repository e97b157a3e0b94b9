import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Attachment data received in multipart/mixed, kept once per program and SHA-2 (Statements refer to it by sha2). */
@Entity('xapi_attachments')
export class XapiAttachmentEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  sha2: string;

  @Column({ name: 'content_type', type: 'varchar', length: 255 })
  contentType: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;
}
