import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { XapiTokenEntity } from './xapi-token.entity.js';

/** A token's client, when the token is live: not expired and its client not revoked. */
export interface LiveTokenRow {
  clientId: string;
  name: string;
  programId: string;
  igsClientId: string | null;
  expiresUtc: Date;
}

@Injectable()
export class XapiTokenRepository {
  constructor(@InjectRepository(XapiTokenEntity) private readonly tokens: Repository<XapiTokenEntity>) {}

  async insert(tokenHash: string, clientId: string, expiresUtc: Date): Promise<void> {
    await this.tokens.insert({ tokenHash, clientId, expiresUtc });
  }

  async findLive(tokenHash: string): Promise<LiveTokenRow | null> {
    const rows = (await this.tokens.query(
      `SELECT c.client_id, c.name, c.program_id, c.igs_client_id, t.expires_utc
         FROM xapi_tokens t JOIN xapi_clients c ON c.client_id = t.client_id
        WHERE t.token_hash = $1 AND t.expires_utc > now() AND c.revoked_utc IS NULL`,
      [tokenHash],
    )) as { client_id: string; name: string; program_id: string; igs_client_id: string | null; expires_utc: Date }[];
    const row = rows[0];
    return row
      ? { clientId: row.client_id, name: row.name, programId: row.program_id, igsClientId: row.igs_client_id, expiresUtc: row.expires_utc }
      : null;
  }

  async deleteForClient(clientId: string): Promise<void> {
    await this.tokens.delete({ clientId });
  }

  async deleteExpired(clientId: string): Promise<void> {
    await this.tokens.delete({ clientId, expiresUtc: LessThan(new Date()) });
  }
}
