import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DOCUMENT_KINDS = ['state', 'activity-profile', 'agent-profile'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A State, Activity Profile or Agent Profile document (Communication 2.2). Key parts a kind does not use are '' (an
 * Agent Profile has no activity, a profile no registration), so one primary key serves all three.
 */
@Entity('xapi_documents')
export class XapiDocumentEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: DocumentKind;

  @PrimaryColumn({ name: 'activity_id', type: 'text' })
  activityId: string;

  /** agentKey() of the agent parameter. */
  @PrimaryColumn({ name: 'agent_key', type: 'text' })
  agentKey: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  registration: string;

  /** stateId or profileId. */
  @PrimaryColumn({ name: 'document_id', type: 'text' })
  documentId: string;

  @Column({ name: 'content_type', type: 'varchar', length: 255 })
  contentType: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  /** SHA-1 of the content, hex: the ETag (Communication 3.1). */
  @Column({ type: 'varchar', length: 40 })
  etag: string;

  @Column({ name: 'updated_utc', type: 'timestamptz' })
  updatedUtc: Date;
}
