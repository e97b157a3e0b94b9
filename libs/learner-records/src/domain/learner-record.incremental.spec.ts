import { jest } from '@jest/globals';
import { A, fact, KEY } from './fixtures/learner-fact.fixture.js';
import { incorporate, incorporateAsync, needsRecompute } from './learner-record.incremental.js';
import { foldFacts } from './learner-record.reducer.js';

describe('incorporate', () => {
  const enrol = fact('e1', 1, A.enrol);
  const progress = fact('e3', 3, A.progress(50));
  const lateEnrol = fact('e5', 5, A.enrol);
  const unenrol = fact('e4', 4, A.unenrol);

  it('applies a fact that sorts after everything seen, without loading history', () => {
    const history = jest.fn(() => []);
    const first = incorporate(null, enrol, history);
    const second = incorporate(first.record, progress, history);
    expect([first.path, second.path]).toEqual(['fast', 'fast']);
    expect(history).not.toHaveBeenCalled();
    expect(second.record).toEqual(foldFacts([enrol, progress]));
  });

  it('counts stale facts in the high-water mark, so an earlier fact arriving after them forces a recompute', () => {
    const seen = [enrol, progress, lateEnrol];
    const record = foldFacts(seen)!;
    expect(record.Status).toBe('IN_PROGRESS');
    expect(needsRecompute(record, unenrol)).toBe(true);
    const result = incorporate(record, unenrol, () => seen);
    expect(result.path).toBe('recompute');
    // enrol, progress, unenrol, enrol: the enrolment at 5 is no longer stale.
    expect(result.record).toMatchObject({ Status: 'ENROLLED', LastEventId: 'e5' });
  });

  it('recognises the redelivery of the last fact as a duplicate', () => {
    const record = foldFacts([enrol, progress])!;
    expect(incorporate(record, { ...progress }, () => [])).toEqual({ record, path: 'duplicate' });
  });

  it('refolds on a redelivery of an older fact and gets the same record', () => {
    const record = foldFacts([enrol, progress])!;
    expect(incorporate(record, enrol, () => [enrol, progress])).toEqual({ record, path: 'recompute' });
  });

  it('refuses a fact of another record', () => {
    const record = foldFacts([enrol])!;
    expect(() => incorporate(record, fact('x', 2, A.enrol, { key: { ...KEY, PublisherProgramId: 'P2' } }), () => [])).toThrow(/P2/);
  });

  it('has an async form for histories read from a database', async () => {
    const record = foldFacts([enrol, progress, lateEnrol])!;
    const loadHistory = jest.fn(async () => [enrol, progress, lateEnrol]);
    await expect(incorporateAsync(record, unenrol, loadHistory)).resolves.toMatchObject({ path: 'recompute', record: { Status: 'ENROLLED' } });
    await expect(incorporateAsync(record, fact('e9', 9, A.unenrol), loadHistory)).resolves.toMatchObject({ path: 'fast' });
    expect(loadHistory).toHaveBeenCalledTimes(1);
  });
});
