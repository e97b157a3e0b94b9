import type { CanonicalEvent } from '@hub/event-store';
import {
  ALM_CERTIFICATION_COMPLETED,
  ALM_CERTIFICATION_ENROLLMENT_BATCH_ISO,
  ALM_CERTIFICATION_UNENROLLMENT_BATCH,
  ALM_COURSE_COMPLETED,
  ALM_COURSE_COMPLETED_BATCH_ISO,
  ALM_COURSE_ENROLLMENT,
  ALM_COURSE_ENROLLMENT_BATCH,
  ALM_COURSE_UNENROLLMENT,
  ALM_LEARNER_PROGRESS,
  ALM_LEARNING_PATH_COMPLETED,
  ALM_LEARNING_PATH_ENROLLMENT_MISLABELLED_BATCH,
  ALM_LEARNING_PATH_UNENROLLMENT_BATCH_ISO,
  ALM_NON_LEARNER_EVENTS,
} from './fixtures/alm-webhook-samples.js';
import { almCanonicalEvents, type AlmWebhookBody } from './fixtures/canonical-event.fixture.js';
import { mapAlmEvent } from './map-alm-event.js';

function only(body: AlmWebhookBody): CanonicalEvent {
  const [event] = almCanonicalEvents(body);
  if (!event) throw new Error('sample without events');
  return event;
}

function withData(body: AlmWebhookBody, data: Record<string, unknown>, eventName?: string): CanonicalEvent {
  const event = only(body);
  const payload = event.PublisherEventData as { data: Record<string, unknown> };
  return {
    ...event,
    EventType: eventName ?? event.EventType,
    PublisherEventData: { ...payload, eventName: eventName ?? event.EventType, data },
  };
}

describe('mapAlmEvent', () => {
  it('maps a real-time course enrolment: participant = userId, learning object = loInstanceId, time = dateEnrolled', () => {
    const event = only(ALM_COURSE_ENROLLMENT);
    expect(mapAlmEvent(event)).toEqual([
      {
        PublisherSystemId: 'ALM',
        PublisherProgramId: 'P1',
        PublisherParticipantId: '1234567',
        LearningObjectId: 'course:1234567_1234567',
        Action: { kind: 'enrol' },
        SourceStatus: 'COURSE_ENROLLMENT',
        SourceUtc: '2024-09-05T08:25:13.000Z',
        EventId: event.EventId,
        FactIndex: 0,
      },
    ]);
  });

  it.each([
    ['COURSE_ENROLLMENT_BATCH', ALM_COURSE_ENROLLMENT_BATCH, { kind: 'enrol' }],
    ['LEARNING_PATH_ENROLLMENT (listed as batch)', ALM_LEARNING_PATH_ENROLLMENT_MISLABELLED_BATCH, { kind: 'enrol' }],
    ['CERTIFICATION_ENROLLMENT_BATCH', ALM_CERTIFICATION_ENROLLMENT_BATCH_ISO, { kind: 'enrol' }],
    ['COURSE_COMPLETED', ALM_COURSE_COMPLETED, { kind: 'complete', outcome: 'passed' }],
    ['COURSE_COMPLETED_BATCH', ALM_COURSE_COMPLETED_BATCH_ISO, { kind: 'complete', outcome: 'passed' }],
    ['LEARNING_PATH_COMPLETED', ALM_LEARNING_PATH_COMPLETED, { kind: 'complete', outcome: 'passed' }],
    ['CERTIFICATION_COMPLETED (no hasPassed)', ALM_CERTIFICATION_COMPLETED, { kind: 'complete', outcome: 'unknown' }],
    ['LEARNER_PROGRESS', ALM_LEARNER_PROGRESS, { kind: 'progress', percent: 50 }],
    ['COURSE_UNENROLLMENT', ALM_COURSE_UNENROLLMENT, { kind: 'unenrol' }],
    ['LEARNING_PATH_UNENROLLMENT_BATCH', ALM_LEARNING_PATH_UNENROLLMENT_BATCH_ISO, { kind: 'unenrol' }],
    ['CERTIFICATION_UNENROLLMENT_BATCH', ALM_CERTIFICATION_UNENROLLMENT_BATCH, { kind: 'unenrol' }],
  ])('maps the %s sample', (_name, body, action) => {
    const facts = mapAlmEvent(only(body));
    expect(facts).toHaveLength(1);
    expect(facts[0]?.Action).toEqual(action);
    expect(facts[0]?.SourceStatus).toBe(body.events[0]?.eventName);
  });

  it('takes the time the normalizer put in EventStartUtc (dateCompleted, dateStarted, else timestamp)', () => {
    expect(mapAlmEvent(only(ALM_COURSE_COMPLETED))[0]?.SourceUtc).toBe('2024-09-05T08:10:18.000Z');
    expect(mapAlmEvent(only(ALM_LEARNER_PROGRESS))[0]?.SourceUtc).toBe('2024-09-06T06:33:00.000Z');
    expect(mapAlmEvent(only(ALM_COURSE_UNENROLLMENT))[0]?.SourceUtc).toBe('2024-09-05T05:57:04.000Z');
    expect(mapAlmEvent(only(ALM_COURSE_COMPLETED_BATCH_ISO))[0]?.SourceUtc).toBe('2024-11-08T03:49:52.000Z');
  });

  it('reads hasPassed false as a failed completion', () => {
    const event = withData(ALM_COURSE_COMPLETED, { userId: 1, loInstanceId: 'course:1_2', hasPassed: false });
    expect(mapAlmEvent(event)[0]?.Action).toEqual({ kind: 'complete', outcome: 'failed' });
  });

  it('writes learning_program ids the way ALM enrolment events and its API do', () => {
    expect(mapAlmEvent(only(ALM_LEARNING_PATH_UNENROLLMENT_BATCH_ISO))[0]?.LearningObjectId).toBe(
      'learningProgram:123157_109139',
    );
  });

  it('tolerates other spellings of the data fields', () => {
    const event = withData(ALM_LEARNER_PROGRESS, { user_id: '77', lo_instance_id: 'course:9_9', progress_percent: '75' });
    expect(mapAlmEvent(event)).toEqual([
      expect.objectContaining({ PublisherParticipantId: '77', LearningObjectId: 'course:9_9', Action: { kind: 'progress', percent: 75 } }),
    ]);
  });

  it('clamps progress to 0..100 and treats a progress event without a percentage as a start', () => {
    expect(mapAlmEvent(withData(ALM_LEARNER_PROGRESS, { userId: 1, loInstanceId: 'c:1', progressPercent: 140 }))[0]?.Action).toEqual({
      kind: 'progress',
      percent: 100,
    });
    expect(mapAlmEvent(withData(ALM_LEARNER_PROGRESS, { userId: 1, loInstanceId: 'c:1' }))[0]?.Action).toEqual({ kind: 'start' });
  });

  it('falls back to loId when an event has no loInstanceId (certifications have no instances in ALM)', () => {
    const event = withData(ALM_CERTIFICATION_COMPLETED, { userId: 5, loId: 'certification:42' });
    expect(mapAlmEvent(event)[0]?.LearningObjectId).toBe('certification:42');
  });

  it('maps a completion rollback (newer ALM releases) to a reopen', () => {
    const event = withData(ALM_LEARNING_PATH_COMPLETED, { userId: 5, loInstanceId: 'learningProgram:1_2' }, 'LEARNING_PATH_COMPLETION_ROLLBACK');
    expect(mapAlmEvent(event)[0]?.Action).toEqual({ kind: 'reopen' });
  });

  it('ignores events about learning objects, unknown names and events without user or object', () => {
    for (const event of almCanonicalEvents(ALM_NON_LEARNER_EVENTS)) expect(mapAlmEvent(event)).toEqual([]);
    expect(mapAlmEvent(withData(ALM_COURSE_ENROLLMENT, { userId: 1, loInstanceId: 'c:1' }, 'GAMIFICATION_POINTS'))).toEqual([]);
    expect(mapAlmEvent({ ...withData(ALM_COURSE_ENROLLMENT, { loInstanceId: 'c:1' }), PublisherParticipantId: '' })).toEqual([]);
    expect(mapAlmEvent(withData(ALM_COURSE_ENROLLMENT, { userId: 1 }))).toEqual([]);
    expect(mapAlmEvent({ ...only(ALM_COURSE_ENROLLMENT), PublisherEventData: 'not an object' })).toEqual([]);
  });
});
