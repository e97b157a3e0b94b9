import { A, fact } from './fixtures/learner-fact.fixture.js';
import { compareFacts, VOIDED_HIGH_WATER_MARK } from './fact-order.js';
import type { LearnerFact } from './learner-fact.js';
import { incorporate, needsRecompute } from './learner-record.incremental.js';
import type { LearnerRecord } from './learner-record.js';
import { foldFacts } from './learner-record.reducer.js';

/** What the record shows, without the bookkeeping. */
const visible = (record: LearnerRecord | null) => {
  if (record === null) return null;
  const { HighWaterMark: _, ...rest } = record;
  return rest;
};

/** Takes facts in delivery order as a worker does; returns the record and the path of each fact. */
function deliver(facts: LearnerFact[], start: { record: LearnerRecord | null; history: LearnerFact[] } = { record: null, history: [] }) {
  let record = start.record;
  const history = [...start.history];
  const paths: string[] = [];
  for (const f of facts) {
    const result = incorporate(record, f, () => history);
    history.push(f);
    record = result.record;
    paths.push(result.path);
  }
  return { record, paths };
}

describe('voiding: a void takes back the facts of an event, whichever arrives first', () => {
  const start = fact('e1', 1, A.start);
  const completion = fact('e2', 2, A.passed);
  // The voiding Statement is usually later than what it voids, but a client may stamp it with any time.
  const voidLater = fact('v9', 9, A.void('e2'));
  const voidEarlier = fact('v0', 0, A.void('e2'));

  it('leaves the voided completion out: the record is the fold of the remaining facts', () => {
    expect(visible(foldFacts([start, completion, voidLater]))).toEqual(visible(foldFacts([start])));
    expect(visible(foldFacts([start, completion, voidEarlier]))).toEqual(visible(foldFacts([start])));
    expect(foldFacts([start, completion, voidLater])).toMatchObject({ Status: 'IN_PROGRESS', CompletedUtc: null, Passed: null, LastEventId: 'e1' });
  });

  it('sorts a void before every other fact of its record, whatever its time', () => {
    expect([completion, voidLater, start].sort(compareFacts).map((f) => f.EventId)).toEqual(['v9', 'e1', 'e2']);
  });

  it('refolds when the void arrives after the voided fact', () => {
    const before = deliver([start, completion]);
    expect(needsRecompute(before.record, voidLater)).toBe(true);
    const after = deliver([start, completion, voidLater]);
    expect(after.paths).toEqual(['fast', 'fast', 'recompute']);
    expect(after.record).toEqual(foldFacts([start, completion, voidLater]));
  });

  it('leaves the voided fact out when it arrives after its void, even when it is the newest fact', () => {
    const { record, paths } = deliver([start, voidLater, completion]);
    expect(paths).toEqual(['fast', 'recompute', 'recompute']);
    expect(record).toEqual(foldFacts([start, completion, voidLater]));
    expect(record).toMatchObject({ Status: 'IN_PROGRESS' });
  });

  it('keeps refolding every later fact of a record that has taken in a void', () => {
    const { record } = deliver([start, completion, voidLater]);
    expect(record?.HighWaterMark).toEqual(VOIDED_HIGH_WATER_MARK);
    const next = fact('e10', 10, A.passed);
    expect(needsRecompute(record, next)).toBe(true);
    expect(deliver([next], { record, history: [start, completion, voidLater] }).record).toMatchObject({ Status: 'COMPLETED', LastEventId: 'e10' });
  });

  it('gives a record that says nothing when every fact is voided, and names the void as its last event', () => {
    const alone = fact('v5', 5, A.void('e2'));
    expect(foldFacts([completion, alone])).toMatchObject({
      Status: null,
      SourceStatus: null,
      Passed: null,
      CompletedUtc: null,
      ProgressPercent: null,
      LastEventId: 'v5',
      LastEventUtc: alone.SourceUtc,
    });
    // A void that arrives first makes the same record before and after the voided fact.
    expect(deliver([alone]).record).toEqual(foldFacts([alone]));
    expect(deliver([alone, completion]).record).toEqual(foldFacts([completion, alone]));
  });

  it('takes a second void of the same event, and a redelivered voided fact, as no change', () => {
    const again = fact('v8', 8, A.void('e2'));
    const all = [start, completion, voidLater, again, completion];
    expect(deliver(all).record).toEqual(foldFacts(all));
    expect(visible(foldFacts(all))).toEqual(visible(foldFacts([start])));
  });

  it('lets a stale fact count again once the fact that made it stale is voided', () => {
    // A start stamped after the completion is stale (progress lags); without the completion it is the learner's start.
    const lateStart = fact('e3', 3, A.start);
    expect(foldFacts([completion, lateStart])).toMatchObject({ Status: 'COMPLETED' });
    expect(foldFacts([completion, lateStart, voidLater])).toMatchObject({ Status: 'IN_PROGRESS', LastEventId: 'e3', StartedUtc: lateStart.SourceUtc });
  });

  it('keeps the projector rule: in a sorted batch of one record, only the first fact can need a refold of stored facts', () => {
    // Stored: start and completion. A batch with a later fact and a void: sorted, the void comes first and is late.
    const stored = deliver([start, completion]);
    const batch = [fact('e5', 5, A.reopen), voidLater].sort(compareFacts);
    expect(batch[0]?.Action.kind).toBe('void');
    expect(needsRecompute(stored.record, batch[0]!)).toBe(true);
    // A batch whose first fact is not late has no void and stays on the fast path.
    const plain = [fact('e6', 6, A.reopen), fact('e7', 7, A.passed)].sort(compareFacts);
    expect(needsRecompute(stored.record, plain[0]!)).toBe(false);
    expect(deliver(plain, { record: stored.record, history: [] }).paths).toEqual(['fast', 'fast']);
    // A void that creates its record: the facts after it refold, but the only history is the batch itself.
    expect(deliver([voidLater, start, completion].sort(compareFacts)).record).toEqual(foldFacts([start, completion, voidLater]));
  });
});
