import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A dashboard sign-in: the admin token exchanged for an opaque cookie. Only the cookie's SHA-256 is kept, so a copy
 * of this table cannot be replayed; sign-out sets revoked_utc, so the cookie dies at once in every API process.
 */
@Entity('admin_sessions')
export class AdminSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('admin_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;

  /** Touched at most once a minute while the dashboard is in use: the idle timeout counts from here. */
  @Column({ name: 'last_seen_utc', type: 'timestamptz' })
  lastSeenUtc: Date;

  /** Absolute end of the session, however busy. */
  @Column({ name: 'expires_utc', type: 'timestamptz' })
  expiresUtc: Date;

  @Column({ name: 'revoked_utc', type: 'timestamptz', nullable: true })
  revokedUtc: Date | null;

  /** To tell sessions apart when reading the table; never used for a decision. */
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
