import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CanonicalEvent, StoredEvent } from '../canonical-event.js';
import type { EventQuery } from './event-query.js';
import type { FeedCursor } from './feed-cursor.js';

export interface EventRow {
  event_id: string;
  program_id: string;
  system_id: string;
  event_type: string;
  publisher_event_id: string;
  participant_id: string;
  category_value: string | null;
  category_label: string | null;
  data: unknown;
  start_utc: Date;
  end_utc: Date | null;
  created_utc: Date;
  tx_id: string;
  seq: string;
}

export interface EventPage {
  events: StoredEvent[];
  /** Where the next page starts: after the last event returned, or the same cursor when the page is empty. */
  next: FeedCursor;
}

export const COLUMNS = `event_id, program_id, system_id, event_type, publisher_event_id, participant_id,
  category_value, category_label, data, start_utc, end_utc, created_utc, tx_id, seq`;

export function toStored(row: EventRow): StoredEvent {
  return {
    EventId: row.event_id,
    PublisherProgramId: row.program_id,
    PublisherSystemId: row.system_id as StoredEvent['PublisherSystemId'],
    EventType: row.event_type,
    PublisherEventId: row.publisher_event_id,
    PublisherParticipantId: row.participant_id,
    PublisherEventCategory: row.category_value !== null ? { value: row.category_value, label: row.category_label ?? '' } : null,
    PublisherEventData: row.data,
    EventStartUtc: row.start_utc.toISOString(),
    EventEndUtc: row.end_utc ? row.end_utc.toISOString() : null,
    CreatedUtc: row.created_utc.toISOString(),
  };
}

@Injectable()
export class EventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts events that are not stored yet, in one statement, and returns the ids that were new.
   * The primary key is the deterministic EventId (UUIDv5 of the permanent idempotency key), so a redelivery
   * hits ON CONFLICT DO NOTHING and stores nothing. Every row carries the id of the writing transaction
   * for the feed (see findPage).
   */
  async appendMany(events: readonly CanonicalEvent[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows: EventRow[] = await manager.query(
      `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id,
                           category_value, category_label, data, start_utc, end_utc, tx_id)
       SELECT t.event_id, t.program_id, t.system_id, t.event_type, t.publisher_event_id, t.participant_id,
              t.category_value, t.category_label, t.data::jsonb, t.start_utc, t.end_utc, pg_current_xact_id()::text::bigint
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                     $7::varchar[], $8::varchar[], $9::text[], $10::timestamptz[], $11::timestamptz[])
           AS t(event_id, program_id, system_id, event_type, publisher_event_id, participant_id,
                category_value, category_label, data, start_utc, end_utc)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING event_id`,
      [
        events.map((e) => e.EventId),
        events.map((e) => e.PublisherProgramId),
        events.map((e) => e.PublisherSystemId),
        events.map((e) => e.EventType),
        events.map((e) => e.PublisherEventId),
        events.map((e) => e.PublisherParticipantId),
        events.map((e) => e.PublisherEventCategory?.value ?? null),
        events.map((e) => e.PublisherEventCategory?.label ?? null),
        events.map((e) => (e.PublisherEventData === undefined ? null : JSON.stringify(e.PublisherEventData))),
        events.map((e) => e.EventStartUtc),
        events.map((e) => e.EventEndUtc),
      ],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  async findById(eventId: string, programIds: readonly string[]): Promise<StoredEvent | null> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events WHERE event_id = $1 AND program_id = ANY($2::varchar[])`,
      [eventId, programIds],
    );
    return rows.length > 0 ? toStored(rows[0]) : null;
  }

  /**
   * One page of the feed. Paging by a sequence or a timestamp loses events: a transaction that took a lower
   * number can commit after a reader has moved past it. So rows are ordered by the writing transaction's id and
   * a page only returns rows of transactions older than the oldest one still running (the snapshot's xmin):
   * no transaction below that horizon can still commit, so nothing can ever appear behind a reader's cursor.
   * A long-running writing transaction therefore delays the feed (never loses from it).
   */
  async findPage(query: EventQuery): Promise<EventPage> {
    // One program (the usual key) as an equality, so the planner walks (program_id, tx_id, seq) in feed order; with
    // `= ANY` it walked the whole feed and filtered other programs' rows out (0.5 s a page beside 200 k other rows).
    const single = query.programIds.length === 1;
    const params: unknown[] = [single ? query.programIds[0] : query.programIds, query.after.txId.toString(), query.after.seq.toString()];
    const program = single ? 'e.program_id = $1::varchar' : 'e.program_id = ANY($1::varchar[])';
    const where = [program, '(e.tx_id, e.seq) > ($2::bigint, $3::bigint)', 'e.tx_id < h.xmin'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.systemId !== undefined) add('e.system_id = ?', query.systemId);
    if (query.eventType !== undefined) add('e.event_type = ?', query.eventType);
    if (query.participantId !== undefined) add('e.participant_id = ?', query.participantId);
    if (query.publisherEventId !== undefined) add('e.publisher_event_id = ?', query.publisherEventId);
    if (query.categoryValue !== undefined) add('e.category_value = ?', query.categoryValue);
    if (query.from !== undefined) add('e.start_utc >= ?', query.from);
    if (query.to !== undefined) add('e.start_utc < ?', query.to);
    params.push(query.limit);
    // With a time window, let the planner find the window's rows by start time and sort them: ordered by the feed
    // index it would walk every older row first, since times mostly grow with the feed (EXPLAIN at 1 M rows: 360 ms).
    const order = query.from !== undefined || query.to !== undefined ? 'e.tx_id + 0, e.seq' : 'e.tx_id, e.seq';
    const rows: EventRow[] = await this.dataSource.query(
      `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin)
       SELECT ${COLUMNS.split(',').map((c) => `e.${c.trim()}`).join(', ')}
         FROM events e, h
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT $${params.length}`,
      params,
    );
    const last = rows.at(-1);
    return {
      events: rows.map(toStored),
      next: last ? { txId: BigInt(last.tx_id), seq: BigInt(last.seq) } : query.after,
    };
  }

  /**
   * The feed of every program after `after`, up to the same horizon as findPage (rows of transactions older than the
   * oldest still running): what a projection follows, so it never moves past an event that could still appear.
   */
  async followFeed(after: FeedCursor, limit: number, manager: EntityManager = this.dataSource.manager): Promise<EventPage> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM events
        WHERE (tx_id, seq) > ($1::bigint, $2::bigint) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY tx_id, seq
        LIMIT $3`,
      [after.txId.toString(), after.seq.toString(), limit],
    );
    const last = rows.at(-1);
    return { events: rows.map(toStored), next: last ? { txId: BigInt(last.tx_id), seq: BigInt(last.seq) } : after };
  }

  /**
   * The stored events of some programs (all when `programIds` is null) after `after`, in feed order, without the
   * feed's horizon: for a reader that has locked out the writers it cares about (the learner-record rebuild).
   */
  async scan(programIds: readonly string[] | null, after: FeedCursor, limit: number, manager: EntityManager = this.dataSource.manager): Promise<EventPage> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM events
        WHERE ($1::varchar[] IS NULL OR program_id = ANY($1::varchar[])) AND (tx_id, seq) > ($2::bigint, $3::bigint)
        ORDER BY tx_id, seq
        LIMIT $4`,
      [programIds, after.txId.toString(), after.seq.toString(), limit],
    );
    const last = rows.at(-1);
    return { events: rows.map(toStored), next: last ? { txId: BigInt(last.tx_id), seq: BigInt(last.seq) } : after };
  }

  async countAll(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM events');
    return (row as { n: number }).n;
  }
}
