import type { CanonicalEvent, StoredEvent } from '../../libs/event-store/src/index.js';
import { factsFromEvent, foldFactsByKey, recordKeyOf, type LearnerRecord } from '../../libs/learner-records/src/domain/index.js';
import { api, asAdmin, countStored, eventually, nextPath, readFeed, waitForDrain, waitForRecords } from '../support/hub.js';

type Auth = { Authorization: string };

/** A record as GET /api/v1/learner-records serves it. */
export interface RecordBody {
  PublisherSystemId: string;
  PublisherProgramId: string;
  PublisherParticipantId: string;
  LearningObjectId: string;
  Status: string | null;
  SourceStatus: string | null;
  ProgressPercent: number | null;
  Passed: boolean | null;
  EnrolledUtc: string | null;
  StartedUtc: string | null;
  CompletedUtc: string | null;
  DueDate: string | null;
  LastEventId: string;
  LastEventUtc: string;
  UpdatedUtc: string;
}

/** Every record a query returns once records have caught up with the store, following Link rel="next" until a short page. */
export async function readRecords(auth: Auth, query = '', limit = 1000): Promise<RecordBody[]> {
  await waitForRecords();
  const records: RecordBody[] = [];
  let next = `/api/v1/learner-records?limit=${limit}${query ? `&${query}` : ''}`;
  for (;;) {
    const res = await api().get(next).set(auth).expect(200);
    records.push(...(res.body as RecordBody[]));
    next = nextPath(res.headers.link as string);
    if ((res.body as unknown[]).length < limit) return records;
  }
}

export const keyOf = (r: Pick<RecordBody, 'PublisherSystemId' | 'PublisherProgramId' | 'PublisherParticipantId' | 'LearningObjectId'>) =>
  recordKeyOf(r as Parameters<typeof recordKeyOf>[0]);

/** What a subscriber sees of a record, without the wall clock. */
export function visible(record: RecordBody | LearnerRecord): Omit<RecordBody, 'UpdatedUtc'> {
  return {
    PublisherSystemId: record.PublisherSystemId,
    PublisherProgramId: record.PublisherProgramId,
    PublisherParticipantId: record.PublisherParticipantId,
    LearningObjectId: record.LearningObjectId,
    Status: record.Status,
    SourceStatus: record.SourceStatus,
    ProgressPercent: record.ProgressPercent,
    Passed: record.Passed,
    EnrolledUtc: record.EnrolledUtc,
    StartedUtc: record.StartedUtc,
    CompletedUtc: record.CompletedUtc,
    DueDate: record.DueDate,
    LastEventId: record.LastEventId,
    LastEventUtc: record.LastEventUtc,
  };
}

export function byKey<T extends RecordBody | LearnerRecord>(records: T[]): Map<string, Omit<RecordBody, 'UpdatedUtc'>> {
  return new Map(records.map((r) => [keyOf(r), visible(r)]));
}

/** The records the pure rules give for every event in the key's feed: the reference the stored records must equal. */
export async function recordsFoldedFromFeed(auth: Auth, programId: string): Promise<Map<string, Omit<RecordBody, 'UpdatedUtc'>>> {
  const { events } = await readFeed(auth, `/api/v1/events?PublisherProgramId=${programId}&limit=1000`);
  const canonical = (events as unknown as StoredEvent[]).map(({ CreatedUtc: _, ...event }) => event as CanonicalEvent);
  return byKey([...foldFactsByKey(canonical.flatMap(factsFromEvent)).values()]);
}

export async function rebuild(programIds?: string[]): Promise<{ events: number; facts: number; records: number; changed: number; removed: number }> {
  const res = await api().post('/admin/learner-records/rebuild').set(asAdmin()).send(programIds ? { programIds } : {}).expect(200);
  return res.body;
}

/** Posts events one request at a time and waits until each is stored (or drained, for a redelivery): a fixed arrival order. */
export async function deliverInOrder(auth: Auth, programId: string, events: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  const before = await countStored(programId);
  for (const event of events) {
    const res = await api().post('/api/v1/events').set(auth).send(event).expect(202);
    const id = res.body[0].EventId as string;
    ids.push(id);
    if (seen.has(id)) {
      await waitForDrain();
    } else {
      seen.add(id);
      await eventually(async () => (await countStored(programId)) === before + seen.size, 30_000, `event ${seen.size} stored`);
    }
  }
  return ids;
}

/** A small deterministic PRNG (mulberry32), so a failing random run can be replayed from its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
