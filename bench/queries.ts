import pg from 'pg';
import { load, type LoadResult } from './load.js';

/**
 * Fills the event store to `total` rows for `programId` straight in SQL (generate_series): 200 participants, the eight
 * LB event types, a year of start times, and rows spread over many transactions so the feed index looks like a
 * real one. Returns once the table holds the rows and its statistics are fresh.
 */
export async function seedEvents(databaseUrl: string, programId: string, total: number): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const have = Number((await db.query('SELECT count(*) AS n FROM events WHERE program_id = $1', [programId])).rows[0].n);
    for (let from = have; from < total; from += 50_000) {
      const to = Math.min(total, from + 50_000);
      await db.query(
        `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, data, start_utc, end_utc, tx_id)
         SELECT $1 || '-' || i, $1, 'LB',
                (ARRAY['LPI_STARTED','LPI_COMP_UNSUCCESS','LPI_COMP_SUCCESS','LPI_REOPENED','AI_STARTED','AI_COMP_UNSUCCESS','AI_COMP_SUCCESS','AI_REOPENED'])[1 + i % 8],
                'AI:' || (i / 4), 'learner' || (i % 200) || '@example.com', '{"credits":2}'::jsonb,
                timestamptz '2024-01-01' + (i % 525600) * interval '1 minute', timestamptz '2024-01-01' + (i % 525600) * interval '1 minute',
                pg_current_xact_id()::text::bigint
           FROM generate_series($2::int, $3::int - 1) AS i`,
        [programId, from, to],
      );
    }
    await db.query('ANALYZE events');
    await seedRecords(db, programId, total);
  } finally {
    await db.end();
  }
}

/**
 * The learner records those events make, straight in SQL: one per participant and activity instance (about as many
 * as events), each with the status of a random LB event type. Their content does not matter to the read paths measured.
 */
async function seedRecords(db: pg.Client, programId: string, events: number): Promise<void> {
  for (let from = 0; from < events; from += 100_000) {
    await db.query(
      `INSERT INTO learner_records (program_id, participant_id, learning_object_id, system_id, status, source_status, started_utc,
                                    last_event_id, last_event_utc, high_water_mark, version)
       SELECT $1::varchar, 'learner' || (i % 200) || '@example.com', 'AI:' || (i / 4), 'LB',
              (ARRAY['IN_PROGRESS','COMPLETED','FAILED'])[1 + i % 3], 'AI_STARTED', timestamptz '2024-01-01' + (i % 525600) * interval '1 minute',
              $1::varchar || '-' || i, timestamptz '2024-01-01' + (i % 525600) * interval '1 minute', '[]', 1
         FROM generate_series($2::int, $3::int - 1) AS i
       ON CONFLICT DO NOTHING`,
      [programId, from, Math.min(events, from + 100_000)],
    );
  }
  await db.query('ANALYZE learner_records');
}

export interface QueryCase {
  name: string;
  path: string;
}

/** The filtered reads a subscriber makes of events and of learner records; each is measured at every store size. */
export const READ_QUERIES = (programId: string): QueryCase[] => [
  { name: 'events: first page, program', path: `/api/v1/events?PublisherProgramId=${programId}&limit=100` },
  { name: 'events: participant', path: `/api/v1/events?PublisherParticipantId=learner42@example.com&limit=100` },
  { name: 'events: type', path: `/api/v1/events?PublisherProgramId=${programId}&EventType=AI_COMP_SUCCESS&limit=100` },
  { name: 'events: one day', path: `/api/v1/events?PublisherProgramId=${programId}&from=2024-01-03T00:00:00Z&to=2024-01-04T00:00:00Z&limit=100` },
  { name: 'records: first page, program', path: `/api/v1/learner-records?PublisherProgramId=${programId}&limit=100` },
  { name: 'records: participant', path: `/api/v1/learner-records?PublisherParticipantId=learner42@example.com&limit=100` },
  { name: 'records: learning object', path: `/api/v1/learner-records?LearningObjectId=AI:4242&limit=100` },
  { name: 'records: status', path: `/api/v1/learner-records?PublisherProgramId=${programId}&Status=COMPLETED&limit=100` },
];

export async function measureQuery(base: string, key: string, path: string, seconds: number): Promise<LoadResult> {
  return load({ url: `${base}${path}`, method: 'GET', headers: { authorization: `Bearer ${key}` }, seconds });
}
