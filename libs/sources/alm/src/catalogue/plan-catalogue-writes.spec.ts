import { planCatalogueWrites } from './alm-catalogue.repository.js';
import type { CatalogueUpdate } from './catalogue-update.types.js';

const source = (n: number) => ({ sourceTimeUtc: `2024-09-05T08:00:0${n}.000Z`, sourceEventId: `e${n}`, sourceEventName: 'X' });
const seats = (n: number, loInstanceId: string, loId: string | null): CatalogueUpdate => ({
  type: 'instance-seats', loInstanceId, loId, enrollmentCount: n, waitlistCount: 0, seatLimit: 30, seatAvailability: null, waitlistLimit: null, waitlistAvailability: null, ...source(n),
});
const instance = (n: number, loInstanceId: string, loId: string): CatalogueUpdate => ({ type: 'instance', loInstanceId, loId, loType: 'course', state: 'active', stateInferred: true, ...source(n) });
const learningObject = (n: number, loId: string): CatalogueUpdate => ({ type: 'learning-object', loId, loType: 'course', state: 'published', stateInferred: true, ...source(n) });

describe('planCatalogueWrites', () => {
  it('makes each parent known once, and orders writes by row while each row keeps its delivery order', () => {
    const { writes, skipped } = planCatalogueWrites([
      seats(1, 'course:2_9', 'course:2'),
      learningObject(2, 'course:1'),
      instance(3, 'course:1_5', 'course:1'),
      seats(4, 'course:2_9', 'course:2'),
      seats(5, 'course:1_5', 'course:1'),
      learningObject(6, 'course:1'),
    ]);
    expect(skipped).toEqual([]);
    expect(writes.map((w) => [w.kind, w.lockKey, 'update' in w ? w.update.sourceEventId : null])).toEqual([
      ['instance', 'in:course:1_5', 'e3'],
      ['instance-seats', 'in:course:1_5', 'e5'],
      ['instance-seats', 'in:course:2_9', 'e1'],
      ['instance-seats', 'in:course:2_9', 'e4'],
      ['learning-object', 'lo:course:1', 'e2'],
      ['ensure-learning-object', 'lo:course:1', null],
      ['learning-object', 'lo:course:1', 'e6'],
      ['ensure-learning-object', 'lo:course:2', null],
    ]);
    expect(writes.find((w) => w.kind === 'ensure-learning-object' && w.loId === 'course:1')).toMatchObject({ loType: 'course' });
    expect(writes.find((w) => w.kind === 'ensure-learning-object' && w.loId === 'course:2')).toMatchObject({ loType: null });
  });

  it('leaves out updates naming an id no column can hold, and an instance without a parent needs none', () => {
    const long = 'course:' + '9'.repeat(300);
    const { writes, skipped } = planCatalogueWrites([learningObject(1, long), seats(2, `${long}_1`, null), seats(3, 'course:3_1', null)]);
    expect(skipped.map((u) => u.sourceEventId)).toEqual(['e1', 'e2']);
    expect(writes.map((w) => w.kind)).toEqual(['instance-seats']);
  });
});
