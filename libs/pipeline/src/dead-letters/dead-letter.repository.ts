import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DeadLetterEntity, type DeadLetterStatus } from './dead-letter.entity.js';

export interface NewDeadLetter {
  source: string;
  programId: string | null;
  payload: Buffer;
  contentType: string | null;
  reason: string;
  attempts: number;
  context: Record<string, string> | null;
}

export interface DeadLetterFilter {
  status?: DeadLetterStatus;
  source?: string;
  programId?: string;
  /** Words the reason contains (case-insensitive). */
  reason?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class DeadLetterRepository {
  constructor(@InjectRepository(DeadLetterEntity) private readonly letters: Repository<DeadLetterEntity>) {}

  /** Keeps the payload; a payload already kept is reopened with the new reason and its attempts added. */
  async record(letter: NewDeadLetter): Promise<string> {
    const fingerprint = createHash('sha256')
      .update(`${letter.source}\u0000${letter.programId ?? ''}\u0000`)
      .update(letter.payload)
      .digest('hex');
    const rows: { id: string }[] = await this.letters.query(
      `INSERT INTO dead_letters (id, source, program_id, fingerprint, payload, content_type, reason, attempts, context)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (fingerprint) DO UPDATE
         SET reason = EXCLUDED.reason, attempts = dead_letters.attempts + EXCLUDED.attempts,
             status = 'open', last_seen_utc = now(), resolved_utc = NULL
       RETURNING id`,
      [randomUUID(), letter.source, letter.programId, fingerprint, letter.payload, textSafe(letter.contentType), textSafe(letter.reason), letter.attempts, contextSafe(letter.context)],
    );
    return rows[0].id;
  }

  findPage(filter: DeadLetterFilter): Promise<DeadLetterEntity[]> {
    return this.filtered(filter).orderBy('d.last_seen_utc', 'DESC').limit(filter.limit).offset(filter.offset).getMany();
  }

  /** How many match the filter, for the dashboard's pager. */
  count(filter: Omit<DeadLetterFilter, 'limit' | 'offset'>): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: Omit<DeadLetterFilter, 'limit' | 'offset'>) {
    const qb = this.letters.createQueryBuilder('d');
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.source) qb.andWhere('d.source = :source', { source: filter.source });
    if (filter.programId) qb.andWhere('d.program_id = :programId', { programId: filter.programId });
    if (filter.reason) qb.andWhere(`d.reason ILIKE :reason ESCAPE '\\'`, { reason: `%${filter.reason.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb;
  }

  findOne(id: string): Promise<DeadLetterEntity | null> {
    return this.letters.findOneBy({ id });
  }

  async resolve(id: string, status: Exclude<DeadLetterStatus, 'open'>): Promise<void> {
    await this.letters.update({ id }, { status, resolvedUtc: new Date() });
  }

  async countOpen(): Promise<number> {
    return this.letters.countBy({ status: 'open' });
  }

  /** Open dead letters per source (the status index serves it). */
  async countOpenBySource(): Promise<Map<string, number>> {
    const rows: { source: string; n: number }[] = await this.letters.query(`SELECT source, count(*)::int AS n FROM dead_letters WHERE status = 'open' GROUP BY source`);
    return new Map(rows.map((r) => [r.source, r.n]));
  }
}

/**
 * PostgreSQL text and jsonb cannot hold NUL, and a reason often quotes the payload that failed (a parser's
 * "Unexpected token"): escape it, so a hostile payload can never stop its own dead letter from being kept.
 * The payload itself is bytea and kept exactly.
 */
function textSafe<T extends string | null>(value: T): T {
  return (value === null ? value : value.replace(/\u0000/g, '\\u0000')) as T;
}

function contextSafe(context: Record<string, string> | null): Record<string, string> | null {
  return context === null ? null : Object.fromEntries(Object.entries(context).map(([k, v]) => [textSafe(k), textSafe(v)]));
}
