import { compareFacts, sortKeyOf } from './fact-order.js';
import { A, fact, KEY, t } from './fixtures/learner-fact.fixture.js';
import { RULE_SCENARIOS } from './fixtures/rule-scenarios.js';
import { applyFact, foldFacts, foldFactsByKey, isStale } from './learner-record.reducer.js';
import { recordKeyOf } from './learner-fact.js';

describe('compareFacts', () => {
  it('orders by source time, then action rank, then progress percent, then EventId, then fact index', () => {
    const facts = [
      fact('b', 2, A.enrol),
      fact('a', 2, A.enrol),
      fact('z', 1, A.unenrol),
      fact('c', 2, A.progress(10)),
      fact('a', 2, A.progress(90)),
      fact('a', 2, A.dueDateCleared, { factIndex: 1 }),
      fact('a', 2, A.dueDate('2025-01-01')),
    ];
    expect([...facts].sort(compareFacts).map((f) => `${f.SourceUtc.slice(14, 16)} ${f.Action.kind} ${f.EventId}${f.FactIndex}`)).toEqual([
      '01 unenrol z0',
      '02 dueDateSet a0',
      '02 dueDateCleared a1',
      '02 enrol a0',
      '02 enrol b0',
      '02 progress c0',
      '02 progress a0',
    ]);
  });
});

describe('foldFacts', () => {
  it.each(RULE_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    expect(foldFacts(scenario.facts)).toMatchObject(scenario.expected);
    expect(foldFacts([...scenario.facts].reverse())).toMatchObject(scenario.expected);
  });

  it('gives the whole record for a simple history', () => {
    expect(foldFacts([fact('e2', 2, A.progress(25), { sourceStatus: 'LEARNER_PROGRESS' }), fact('e1', 1, A.enrol, { sourceStatus: 'COURSE_ENROLLMENT' })])).toEqual({
      ...KEY,
      Status: 'IN_PROGRESS',
      SourceStatus: 'LEARNER_PROGRESS',
      ProgressPercent: 25,
      Passed: null,
      EnrolledUtc: t(1),
      StartedUtc: t(2),
      CompletedUtc: null,
      DueDate: null,
      LastEventId: 'e2',
      LastEventUtc: t(2),
      HighWaterMark: sortKeyOf(fact('e2', 2, A.progress(25))),
    });
  });

  it('ignores a redelivered fact', () => {
    const once = [fact('e1', 1, A.enrol), fact('e2', 2, A.passed)];
    expect(foldFacts([...once, ...once, once[0]!])).toEqual(foldFacts(once));
  });

  it('returns null for no facts', () => {
    expect(foldFacts([])).toBeNull();
  });

  it('refuses facts of different records', () => {
    const other = { ...KEY, LearningObjectId: 'course:other' };
    expect(() => foldFacts([fact('e1', 1, A.enrol), fact('e2', 2, A.enrol, { key: other })])).toThrow(/course:other/);
  });
});

describe('applyFact', () => {
  it('lets a stale fact move only the high-water mark', () => {
    const record = foldFacts([fact('e1', 1, A.enrol), fact('e2', 2, A.passed)])!;
    const late = fact('e3', 3, A.progress(70));
    expect(isStale(record, late)).toBe(true);
    expect(applyFact(record, late)).toEqual({ ...record, HighWaterMark: sortKeyOf(late) });
  });

  it('never finds the first fact of a record stale', () => {
    for (const action of Object.values(A)) {
      const first = fact('e', 1, typeof action === 'function' ? action('2025-01-01' as never) : action);
      expect(isStale(null, first)).toBe(false);
    }
  });
});

describe('foldFactsByKey', () => {
  it('rebuilds one record per key', () => {
    const other = { ...KEY, PublisherParticipantId: 'other' };
    const records = foldFactsByKey([fact('e1', 1, A.enrol), fact('e2', 1, A.passed, { key: other }), fact('e3', 2, A.unenrol)]);
    expect(records.size).toBe(2);
    expect(records.get(recordKeyOf(KEY))?.Status).toBe('UNENROLLED');
    expect(records.get(recordKeyOf(other))?.Status).toBe('COMPLETED');
  });
});
