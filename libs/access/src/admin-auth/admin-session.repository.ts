import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AdminSessionEntity } from './admin-session.entity.js';

@Injectable()
export class AdminSessionRepository {
  constructor(@InjectRepository(AdminSessionEntity) private readonly sessions: Repository<AdminSessionEntity>) {}

  async insert(session: Omit<AdminSessionEntity, 'createdUtc' | 'revokedUtc'>): Promise<void> {
    await this.sessions.insert(session);
  }

  /** The session of a cookie when it is neither revoked, expired, nor idle for longer than `idleMs`. */
  findLive(tokenHash: string, idleMs: number): Promise<AdminSessionEntity | null> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_utc IS NULL')
      .andWhere('s.expires_utc > now()')
      .andWhere(`s.last_seen_utc > now() - make_interval(secs => :idleSeconds)`, { idleSeconds: idleMs / 1000 })
      .getOne();
  }

  async touch(id: string): Promise<void> {
    await this.sessions.update({ id }, { lastSeenUtc: new Date() });
  }

  async revokeByHash(tokenHash: string): Promise<void> {
    await this.sessions.createQueryBuilder().update().set({ revokedUtc: () => 'now()' }).where('token_hash = :tokenHash AND revoked_utc IS NULL', { tokenHash }).execute();
  }

  /** Sessions long over are of no use to anyone; they are removed when a new one starts. */
  async deleteEndedBefore(cutoff: Date): Promise<void> {
    await this.sessions.createQueryBuilder().delete().where('expires_utc < :cutoff OR revoked_utc < :cutoff', { cutoff }).execute();
  }
}
