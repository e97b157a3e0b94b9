import { parseAlmDelivery } from '../delivery/parse-alm-delivery.js';
import type { AlmEvent } from '../delivery/alm-delivery.types.js';
import { almChangeIsStale, almLearnerChangeFrom } from './alm-learner-change.js';

function eventOf(e: Record<string, unknown>): AlmEvent {
  const result = parseAlmDelivery(JSON.stringify({ accountId: 1, events: [{ eventId: 'x', timestamp: 1725524713, ...e }] }));
  if (!result.ok || result.delivery.events.length !== 1) throw new Error('expected one event');
  return result.delivery.events[0];
}

describe('almLearnerChangeFrom', () => {
  it.each([
    ['COURSE_ENROLLMENT_BATCH', {}, 'enrollment', 'ENROLLED', false],
    ['LEARNING_PATH_UNENROLLMENT', {}, 'unenrollment', 'UNENROLLED', true],
    ['LEARNER_PROGRESS', { progressPercent: 30 }, 'progress', 'IN_PROGRESS', false],
    ['COURSE_COMPLETED', { hasPassed: true }, 'completion', 'COMPLETED', true],
    ['COURSE_COMPLETED', { hasPassed: false }, 'completion', 'FAILED', true],
    ['CERTIFICATION_COMPLETED_BATCH', {}, 'completion', 'COMPLETED', false],
  ])('%s %j → %s %s', (eventName, extra, kind, status, realTime) => {
    const change = almLearnerChangeFrom(eventOf({ eventName, data: { userId: 7, loId: 'course:1', loInstanceId: 'course:1_2', ...extra } }));
    expect(change).toMatchObject({ kind, status, realTime, userId: '7', learningObjectId: 'course:1_2', sourceStatus: eventName });
  });

  it('falls back to the learning object when the instance is missing', () => {
    expect(almLearnerChangeFrom(eventOf({ eventName: 'COURSE_ENROLLMENT', data: { userId: 7, loId: 'course:1' } }))).toMatchObject({
      learningObjectId: 'course:1',
      loInstanceId: null,
    });
    expect(almLearnerChangeFrom(eventOf({ eventName: 'COURSE_ENROLLMENT', data: { userId: 7 } }))).toBeNull();
  });

  it('says nothing for catalogue and unknown events', () => {
    expect(almLearnerChangeFrom(eventOf({ eventName: 'LEARNING_OBJECT_DRAFT', data: { loId: 'course:1' } }))).toBeNull();
    expect(almLearnerChangeFrom(eventOf({ eventName: 'SOMETHING_NEW', data: { userId: 1, loId: 'course:1' } }))).toBeNull();
  });
});

describe('almChangeIsStale (ALM ordering rules)', () => {
  const at = (kind: 'enrollment' | 'unenrollment' | 'progress' | 'completion', minute: number) => ({
    kind,
    sourceTimeUtc: new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString(),
  });

  it('ignores an enrolment that arrives after progress, even with a newer timestamp', () => {
    expect(almChangeIsStale(at('progress', 1), at('enrollment', 5))).toBe(true);
  });

  it('ignores progress that arrives after a completion, even with a newer timestamp', () => {
    expect(almChangeIsStale(at('completion', 1), at('progress', 5))).toBe(true);
  });

  it('otherwise lets the newer timestamp win and an equal one apply', () => {
    expect(almChangeIsStale(null, at('enrollment', 1))).toBe(false);
    expect(almChangeIsStale(at('enrollment', 5), at('completion', 1))).toBe(true);
    expect(almChangeIsStale(at('enrollment', 1), at('completion', 5))).toBe(false);
    expect(almChangeIsStale(at('completion', 5), at('unenrollment', 5))).toBe(false);
    expect(almChangeIsStale(at('enrollment', 1), at('progress', 2))).toBe(false);
  });
});
