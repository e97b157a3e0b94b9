import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredEvent } from '../canonical-event.js';
import { COLUMNS, toStored, type EventRow } from './event.repository.js';
import type { FeedCursor } from './feed-cursor.js';

/** An operator's search: any program, newest stored first. */
export interface EventSearch {
  programId?: string;
  systemId?: string;
  eventType?: string;
  participantId?: string;
  publisherEventId?: string;
  /** On EventStartUtc, as the subscriber API's from/to. */
  from?: Date;
  to?: Date;
  /** Continue with events stored before this position. */
  before?: FeedCursor;
  limit: number;
}

export interface EventSearchPage {
  events: StoredEvent[];
  /** Where the next (older) page starts, or null when this page was the last. */
  before: FeedCursor | null;
}

/**
 * Event search for the admin dashboard. Newest first in storage order, so the program, participant and feed indexes
 * serve it backwards; unlike the subscriber feed it does not stop at the transaction horizon (an operator wants to
 * see what is stored now, and never pages forward through it).
 */
@Injectable()
export class EventSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(search: EventSearch): Promise<EventSearchPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (search.programId !== undefined) add('program_id = ?', search.programId);
    if (search.systemId !== undefined) add('system_id = ?', search.systemId);
    if (search.eventType !== undefined) add('event_type = ?', search.eventType);
    if (search.participantId !== undefined) add('participant_id = ?', search.participantId);
    if (search.publisherEventId !== undefined) add('publisher_event_id = ?', search.publisherEventId);
    if (search.from !== undefined) add('start_utc >= ?', search.from);
    if (search.to !== undefined) add('start_utc < ?', search.to);
    if (search.before) {
      params.push(search.before.txId.toString(), search.before.seq.toString());
      where.push(`(tx_id, seq) < ($${params.length - 1}::bigint, $${params.length}::bigint)`);
    }
    params.push(search.limit + 1);
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY tx_id DESC, seq DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    return {
      events: page.map(toStored),
      before: rows.length > search.limit && last ? { txId: BigInt(last.tx_id), seq: BigInt(last.seq) } : null,
    };
  }

  async findById(eventId: string): Promise<StoredEvent | null> {
    const rows: EventRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM events WHERE event_id = $1`, [eventId]);
    return rows.length > 0 ? toStored(rows[0]) : null;
  }
}
