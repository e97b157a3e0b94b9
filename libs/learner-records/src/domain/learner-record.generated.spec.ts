import type { CanonicalEvent } from '@hub/event-store';
import fc from 'fast-check';
import { processIncrementally, projectFactBatches, projectInBatches, rebuildFromLog, type PathCounts } from './fixtures/incremental-driver.js';
import { xapiVoidingEvent } from './fixtures/xapi-voiding.fixture.js';
import { A, KEY } from './fixtures/learner-fact.fixture.js';
import { buildStory, type StoryInput, type StorySource } from './fixtures/learner-story.js';
import { RULE_SCENARIOS } from './fixtures/rule-scenarios.js';
import type { LearnerFact } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';
import { incorporate } from './learner-record.incremental.js';
import type { LearnerRecord } from './learner-record.js';
import { foldFacts, foldFactsByKey } from './learner-record.reducer.js';
import { factsFromEvent } from './facts-from-event.js';
import { recordKeyOf } from './learner-fact.js';

/**
 * The bar of issue 3: for random delivery orders with duplicates, incremental processing (fast path, or a refold
 * from the key's history when needsRecompute) gives exactly the records of a rebuild from the whole log, and those
 * are the records the rules prescribe.
 */

const RUNS = 1000;

/** Each item delivered 1 to 3 times, in a random order. */
function deliveriesOf<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: items.length, maxLength: items.length })
    .chain((copies) => {
      const all = items.flatMap((item, i) => Array.from({ length: copies[i] ?? 1 }, () => item));
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
}

const stepArb = fc.record({
  move: fc.nat({ max: 11 }),
  variant: fc.nat({ max: 59 }),
  percent: fc.integer({ min: 1, max: 99 }),
  noise: fc.array(fc.record({ offset: fc.integer({ min: 1, max: 9 }), variant: fc.nat({ max: 59 }) }), { maxLength: 2 }),
});

const storyArb: fc.Arbitrary<StoryInput> = fc.record({
  source: fc.constantFrom<StorySource>('ALM', 'ALM', 'LB', 'IMC', 'XAPI', 'IMC_RECERT'),
  flavour: fc.nat({ max: 5 }),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 8 }),
});

/** Cuts a delivery sequence into consecutive micro-batches of 1 to 4 items, as the worker takes them. */
function batchesOf<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0, b = 0; i < items.length; b++) {
    const size = sizes[b % Math.max(sizes.length, 1)] ?? 1;
    batches.push(items.slice(i, i + size));
    i += size;
  }
  return batches;
}

const batchSizesArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 });

/** A record without its bookkeeping: what a subscriber sees. */
function visible(record: LearnerRecord | undefined): Omit<LearnerRecord, 'HighWaterMark'> | undefined {
  if (record === undefined) return undefined;
  const { HighWaterMark: _, ...rest } = record;
  return rest;
}

/**
 * The voiding rule: each record equals the fold of the facts that remain once voided events and voids are taken out;
 * a record whose every fact was voided says nothing.
 */
function expectVoidsHonoured(records: Map<string, LearnerRecord>, facts: readonly LearnerFact[]): void {
  const voided = new Set(facts.flatMap((f) => (f.Action.kind === 'void' ? [f.Action.voidedEventId] : [])));
  const remaining = foldFactsByKey(facts.filter((f) => f.Action.kind !== 'void' && !voided.has(f.EventId)));
  for (const [key, record] of records) {
    const reference = remaining.get(key);
    if (reference) expect(visible(record)).toEqual(visible(reference));
    else expect(record).toMatchObject({ Status: null, SourceStatus: null, Passed: null, CompletedUtc: null, ProgressPercent: null, DueDate: null });
  }
}

function newCounts(): PathCounts {
  return { fast: 0, duplicate: 0, recompute: 0 };
}

describe('learner records under random delivery orders', () => {
  it('equal a rebuild and the records the rules prescribe, for learners of every source', () => {
    const paths = newCounts();
    let noise = 0;
    const scenario = fc
      .array(storyArb, { minLength: 1, maxLength: 5 })
      .map((inputs) => inputs.map((input, index) => buildStory(input, index)))
      .chain((stories) => fc.tuple(fc.constant(stories), deliveriesOf(stories.flatMap((s) => s.events))));

    fc.assert(
      fc.property(scenario, ([stories, deliveries]) => {
        const incremental = processIncrementally(deliveries, paths);
        const rebuilt = rebuildFromLog(stories.flatMap((s) => s.events));
        expect(incremental).toEqual(rebuilt);
        expect(incremental.size).toBe(stories.length);
        for (const story of stories) {
          noise += story.noiseCount;
          expect(incremental.get(story.key)).toMatchObject(story.expected as object);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator must actually produce late events and redeliveries, or the property proves little.
    expect(noise).toBeGreaterThan(RUNS);
    expect(paths.recompute).toBeGreaterThan(RUNS);
    expect(paths.duplicate).toBeGreaterThan(RUNS);
    expect(paths.fast).toBeGreaterThan(RUNS);
  });

  it('leave voided xAPI Statements out whatever the order of the void and the voided event, in a worker and in a rebuild', () => {
    const paths = newCounts();
    let voids = 0;
    let voidFirst = 0;
    const scenario = fc
      .record({
        stories: fc.array(fc.record({ flavour: fc.nat({ max: 5 }), steps: fc.array(stepArb, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 3 }),
        picks: fc.array(fc.record({ target: fc.nat(), minute: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 4 }),
        sizes: batchSizesArb,
      })
      .map(({ stories, picks, sizes }) => {
        const built = stories.map((input, index) => buildStory({ ...input, source: 'XAPI' }, index));
        const events = built.flatMap((s) => s.events);
        // Voids of some of the Statements (the same one twice, sometimes), stamped before or after them.
        const voiding = picks.map((pick, i) => {
          const target = events[pick.target % events.length] as CanonicalEvent;
          return xapiVoidingEvent(target, `P-XAPI-void-${i}`, new Date(Date.UTC(2024, 0, 1, 0, pick.minute)).toISOString());
        });
        return { log: [...events, ...voiding], sizes };
      })
      .chain(({ log, sizes }) => fc.tuple(fc.constant(log), deliveriesOf(log), fc.constant(sizes)));

    fc.assert(
      fc.property(scenario, ([log, deliveries, sizes]) => {
        const rebuilt = rebuildFromLog(log);
        const facts = log.flatMap(factsFromEvent);
        voids += facts.filter((f) => f.Action.kind === 'void').length;
        const firstVoid = deliveries.findIndex((e) => e.EventType === 'voided');
        if (firstVoid >= 0) voidFirst += deliveries.slice(0, firstVoid).some((e) => e.EventType !== 'voided') ? 0 : 1;
        expect(processIncrementally(deliveries, paths)).toEqual(rebuilt);
        expect(projectInBatches(batchesOf(deliveries, sizes), paths)).toEqual(rebuilt);
        expectVoidsHonoured(rebuilt, facts);
      }),
      { numRuns: RUNS },
    );
    expect(voids).toBeGreaterThan(RUNS);
    expect(voidFirst).toBeGreaterThan(RUNS / 10);
    expect(paths.recompute).toBeGreaterThan(RUNS);
  });

  it('give the hand-written expectation of each rule scenario whatever the order', () => {
    const scenario = fc
      .constantFrom(...RULE_SCENARIOS)
      .chain((s) => fc.tuple(fc.constant(s), deliveriesOf(s.facts)));
    fc.assert(
      fc.property(scenario, ([s, deliveries]) => {
        let record: LearnerRecord | null = null;
        const history: LearnerFact[] = [];
        for (const fact of deliveries) {
          record = incorporate(record, fact, () => history).record;
          history.push(fact);
        }
        expect(record).toMatchObject(s.expected);
        expect(record).toEqual(foldFacts(s.facts));
      }),
      { numRuns: RUNS },
    );
  });

  it('equal the fold over the sorted set for arbitrary facts with clashing times, ranks and ids', () => {
    const actionArb: fc.Arbitrary<LearningAction> = fc.oneof(
      fc.constantFrom<LearningAction>(A.enrol, A.unenrol, A.waitlist, A.start, A.reopen, A.passed, A.failed, A.completed, A.note, A.dueDateCleared),
      fc.integer({ min: 0, max: 100 }).map(A.progress),
      fc.constantFrom('2025-01-01', '2025-06-30').map(A.dueDate),
    );
    const rawFactArb = fc.record({
      key: fc.nat({ max: 2 }),
      minute: fc.nat({ max: 4 }),
      action: actionArb,
      second: fc.option(actionArb, { nil: undefined }),
      id: fc.constantFrom('a', 'b', 'c'),
      // Now and then the event is a void of another event (of its record, as the mappers make them), or of none.
      voids: fc.option(fc.nat({ max: 30 }), { nil: undefined, freq: 5 }),
    });
    const factsArb = fc.array(rawFactArb, { minLength: 1, maxLength: 25 }).map((raws) =>
      raws.flatMap((raw, i) => {
        const target = raw.voids === undefined ? undefined : raws[raw.voids];
        const keyOf = (r: typeof raw) => ({ ...KEY, LearningObjectId: `course:${r.key}` });
        const key = keyOf(target ?? raw);
        const base = { ...key, SourceStatus: raw.action.kind, SourceUtc: new Date(Date.UTC(2024, 0, 1, 0, raw.minute)).toISOString() };
        // EventIds share prefixes so that ties on time and rank are broken by them; `i` keeps each event distinct.
        const eventId = `${raw.id}${i}`;
        if (raw.voids !== undefined) {
          const voidedEventId = target === undefined ? 'missing' : `${target.id}${raw.voids}`;
          return [{ ...base, Action: { kind: 'void', voidedEventId }, EventId: eventId, FactIndex: 0 } satisfies LearnerFact];
        }
        const facts: LearnerFact[] = [{ ...base, Action: raw.action, EventId: eventId, FactIndex: 0 }];
        if (raw.second) facts.push({ ...base, Action: raw.second, EventId: eventId, FactIndex: 1 });
        return facts;
      }),
    );
    fc.assert(
      fc.property(factsArb.chain((facts) => fc.tuple(fc.constant(facts), deliveriesOf(facts), batchSizesArb)), ([facts, deliveries, sizes]) => {
        const records = new Map<string, LearnerRecord>();
        const histories = new Map<string, LearnerFact[]>();
        for (const fact of deliveries) {
          const key = recordKeyOf(fact);
          const history = histories.get(key) ?? [];
          records.set(key, incorporate(records.get(key) ?? null, fact, () => history).record);
          histories.set(key, [...history, fact]);
        }
        const rebuilt = foldFactsByKey(facts);
        expect(records).toEqual(rebuilt);
        expect(projectFactBatches(batchesOf(deliveries, sizes))).toEqual(rebuilt);
        expectVoidsHonoured(rebuilt, facts);
      }),
      { numRuns: RUNS },
    );
  });

  it('processes one delivery of a log of events the same as the rebuild (sanity check of the driver)', () => {
    const story = buildStory({ source: 'ALM', flavour: 0, steps: [{ move: 0, variant: 0, percent: 40, noise: [] }] }, 0);
    const log: CanonicalEvent[] = story.events;
    expect(processIncrementally(log)).toEqual(rebuildFromLog(log));
    expect(processIncrementally(log).get(story.key)).toMatchObject({ Status: 'ENROLLED', SourceStatus: 'COURSE_ENROLLMENT' });
  });
});
