import { parseAlmDelivery } from '../delivery/parse-alm-delivery.js';
import type { AlmEvent } from '../delivery/alm-delivery.types.js';
import { catalogueUpdateWins, catalogueUpdatesFrom } from './catalogue-updates.js';

function eventOf(e: Record<string, unknown>): AlmEvent {
  const result = parseAlmDelivery(JSON.stringify({ accountId: 1, events: [{ eventId: 'x', timestamp: '2024-11-08T03:49:52Z', ...e }] }));
  if (!result.ok || result.delivery.events.length !== 1) throw new Error('expected one event');
  return result.delivery.events[0];
}

describe('catalogueUpdatesFrom', () => {
  it.each([
    ['LEARNING_OBJECT_DRAFT', {}, 'draft', false],
    ['LEARNING_OBJECT_MODIFICATION', {}, 'published', true],
    ['LEARNING_OBJECT_MODIFICATION_BATCH', {}, 'published', true],
    ['LEARNING_OBJECT_MODIFICATION', { state: 'Retired' }, 'retired', false],
    ['LEARNING_OBJECT_MODIFICATION', { loState: 'Published' }, 'published', false],
    ['LEARNING_OBJECT_MODIFICATION', { state: 'Weird' }, 'published', true],
    ['LEARNING_OBJECT_DELETION', {}, 'deleted', false],
  ])('%s %j → learning object %s (inferred: %s)', (eventName, extra, state, stateInferred) => {
    expect(catalogueUpdatesFrom(eventOf({ eventName, data: { loId: 'learning_program:5', loType: 'learning_program', ...extra } }))).toEqual([
      {
        type: 'learning-object',
        loId: 'learningProgram:5',
        loType: 'learningProgram',
        state,
        stateInferred,
        sourceTimeUtc: '2024-11-08T03:49:52.000Z',
        sourceEventId: 'x',
        sourceEventName: eventName,
      },
    ]);
  });

  it.each([
    ['LEARNING_OBJECT_INSTANCE_MODIFICATION', {}, 'active', true],
    ['LEARNING_OBJECT_INSTANCE_MODIFICATION_BATCH', { status: 'Retired' }, 'retired', false],
    ['LEARNING_OBJECT_INSTANCE_DELETION', {}, 'deleted', false],
  ])('%s %j → instance %s', (eventName, extra, state, stateInferred) => {
    expect(catalogueUpdatesFrom(eventOf({ eventName, data: { loInstanceId: 'course:1_2', ...extra } }))).toMatchObject([
      { type: 'instance', loInstanceId: 'course:1_2', loId: 'course:1', loType: 'course', state, stateInferred },
    ]);
  });

  it('reads CI_STATS seat figures, including the optional ones the user guide names', () => {
    const [update] = catalogueUpdatesFrom(eventOf({
      eventName: 'CI_STATS',
      data: { loInstanceId: 'course:1_2', enrollmentCount: 12, waitlistCount: 3, seatLimit: 12, seatAvailability: 0, waitlistLimit: 10, waitlistAvailability: 7 },
    }));
    expect(update).toEqual({
      type: 'instance-seats', loInstanceId: 'course:1_2', loId: 'course:1',
      enrollmentCount: 12, waitlistCount: 3, seatLimit: 12, seatAvailability: 0, waitlistLimit: 10, waitlistAvailability: 7,
      sourceTimeUtc: '2024-11-08T03:49:52.000Z', sourceEventId: 'x', sourceEventName: 'CI_STATS',
    });
  });

  it('derives nothing from learner or unknown events', () => {
    expect(catalogueUpdatesFrom(eventOf({ eventName: 'COURSE_COMPLETED', data: { userId: 1, loId: 'course:1' } }))).toEqual([]);
    expect(catalogueUpdatesFrom(eventOf({ eventName: 'LEARNING_OBJECT_ARCHIVED', data: { loId: 'course:1' } }))).toEqual([]);
  });
});

describe('catalogueUpdateWins', () => {
  it('applies the newer or equal ALM time and refuses the older', () => {
    expect(catalogueUpdateWins(null, { sourceTimeUtc: '2024-01-01T00:00:00.000Z' })).toBe(true);
    expect(catalogueUpdateWins('2024-01-01T00:00:00.000Z', { sourceTimeUtc: '2024-01-01T00:00:00.000Z' })).toBe(true);
    expect(catalogueUpdateWins('2024-01-01T00:00:00.000Z', { sourceTimeUtc: '2024-01-01T00:00:01.000Z' })).toBe(true);
    expect(catalogueUpdateWins('2024-01-01T00:00:01.000Z', { sourceTimeUtc: '2024-01-01T00:00:00.000Z' })).toBe(false);
  });
});
