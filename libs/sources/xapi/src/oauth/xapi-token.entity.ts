import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An issued access token, kept only as its hash; it dies with its expiry or with its client's secret. */
@Entity('xapi_tokens')
@Index('xapi_tokens_client', ['clientId'])
export class XapiTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;

  @Column({ name: 'expires_utc', type: 'timestamptz' })
  expiresUtc: Date;
}
