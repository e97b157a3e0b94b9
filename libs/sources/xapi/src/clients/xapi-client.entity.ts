import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An imc xAPI partner: it gets tokens with its id and secret and reads and writes the LRS of one program. */
@Entity('xapi_clients')
@Index('xapi_clients_program', ['programId'])
export class XapiClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  /** When set, every statement POST must carry it (igsClientId parameter or X-IGS-Client-Id header). */
  @Column({ name: 'igs_client_id', type: 'varchar', length: 200, nullable: true })
  igsClientId: string | null;

  /** SHA-256 of the secret (hex); see client-secret.ts for why not a slow KDF. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;

  @Column({ name: 'secret_rotated_utc', type: 'timestamptz', nullable: true })
  secretRotatedUtc: Date | null;

  @Column({ name: 'revoked_utc', type: 'timestamptz', nullable: true })
  revokedUtc: Date | null;
}
