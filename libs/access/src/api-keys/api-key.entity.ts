import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const API_KEY_SCOPES = ['events:write', 'events:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** SHA-256 of the key: keys are 256-bit random, so a fast hash is enough and lets us look them up by hash. */
  @Index('api_keys_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** The key's first characters, shown to operators so they can tell keys apart. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16 })
  keyPrefix: string;

  @Column({ name: 'program_ids', type: 'text', array: true })
  programIds: string[];

  @Column({ type: 'text', array: true })
  scopes: ApiKeyScope[];

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;

  @Column({ name: 'revoked_utc', type: 'timestamptz', nullable: true })
  revokedUtc: Date | null;

  @Column({ name: 'last_used_utc', type: 'timestamptz', nullable: true })
  lastUsedUtc: Date | null;
}
