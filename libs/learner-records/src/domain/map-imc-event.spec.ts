import type { CanonicalEvent } from '@hub/event-store';
import { canonicalEvent } from './fixtures/canonical-event.fixture.js';
import {
  IMC_COURSE_CHANGE,
  IMC_LOGIN_SUCCEEDED,
  IMC_RECERT_DUE_DATE_CHANGE,
  IMC_REGISTRATION_CHANGE,
  IMC_STATUS_TABLE,
} from './fixtures/imc-event-samples.js';
import { foldFacts } from './learner-record.reducer.js';
import { mapImcEvent } from './map-imc-event.js';

function imc(eventType: string, data: Record<string, unknown>): CanonicalEvent {
  return canonicalEvent({
    PublisherSystemId: 'IMC',
    EventType: eventType,
    EventId: `IMC-${eventType}-${String(data?.['status'] ?? '')}`,
    PublisherProgramId: 'IMC',
    PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
    PublisherEventData: data,
    // What the imc normalizer derives from `timestamp` (milliseconds in the sample).
    EventStartUtc: new Date(1603698662089).toISOString(),
  });
}

function registration(changes: Record<string, unknown>): CanonicalEvent {
  return imc('REGISTRATION_CHANGED', { ...IMC_REGISTRATION_CHANGE, ...changes });
}

describe('mapImcEvent', () => {
  it('maps the seed registration change: a cancellation and the course due date', () => {
    const event = registration({});
    const key = {
      PublisherSystemId: 'IMC',
      PublisherProgramId: 'IMC',
      PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
      LearningObjectId: '555792',
      SourceUtc: '2020-10-26T07:51:02.089Z',
      EventId: event.EventId,
    };
    expect(mapImcEvent(event)).toEqual([
      { ...key, Action: { kind: 'unenrol' }, SourceStatus: 'CANCELLED', FactIndex: 0 },
      { ...key, Action: { kind: 'dueDateSet', dueDate: '2020-12-31' }, SourceStatus: null, FactIndex: 1 },
    ]);
  });

  const expected: Record<string, unknown> = {
    NULL: { kind: 'unenrol' },
    SELECTED: { kind: 'note' },
    ORDERED: { kind: 'waitlist' },
    AGREED: { kind: 'enrol' },
    NOTIFIED: { kind: 'enrol' },
    REFUSED: { kind: 'unenrol' },
    WAITING: { kind: 'waitlist' },
    CANCELED: { kind: 'unenrol' },
    CANCELLED: { kind: 'unenrol' },
    BOOKED: { kind: 'enrol' },
    STARTED: { kind: 'start' },
    FINISHED: { kind: 'complete', outcome: 'unknown' },
    PASSED: { kind: 'complete', outcome: 'passed' },
    FAILED: { kind: 'complete', outcome: 'failed' },
    INDIVIDUAL_LEARNING_PLAN: { kind: 'enrol' },
    RESERVED_ON_PARTICIPANT_LIST: { kind: 'enrol' },
    RESERVED_ON_WAITING_LIST: { kind: 'waitlist' },
    DELETE: { kind: 'unenrol' },
    PREBOOKED: { kind: 'enrol' },
    SUCCESSFULLY_COMPLETED: { kind: 'complete', outcome: 'passed' },
    NOT_SUCCESSFULLY_COMPLETED: { kind: 'complete', outcome: 'failed' },
  };

  it.each(IMC_STATUS_TABLE)('maps status %s (id %i, %s) from tables 4.2.1 / 4.2.2', (status) => {
    const [fact] = mapImcEvent(registration({ status, 'initial-status': 'BOOKED' }));
    expect(fact?.Action).toEqual(expected[status]);
    expect(fact?.SourceStatus).toBe(status);
  });

  it('gives the mapped statuses the hub status they stand for', () => {
    const statusOf = (status: string) => foldFacts(mapImcEvent(registration({ status, 'due-date': undefined })))?.Status;
    expect(statusOf('BOOKED')).toBe('ENROLLED');
    expect(statusOf('WAITING')).toBe('WAITLISTED');
    expect(statusOf('STARTED')).toBe('IN_PROGRESS');
    expect(statusOf('PASSED')).toBe('COMPLETED');
    expect(statusOf('FINISHED')).toBe('COMPLETED');
    expect(statusOf('FAILED')).toBe('FAILED');
    expect(statusOf('CANCELED')).toBe('UNENROLLED');
    expect(statusOf('SELECTED')).toBeNull();
  });

  it('reads statuses without regard to case and keeps the string as received', () => {
    const [fact] = mapImcEvent(registration({ status: 'cancelled' }));
    expect(fact).toMatchObject({ Action: { kind: 'unenrol' }, SourceStatus: 'cancelled' });
  });

  it('keeps an unknown status as a note: SourceStatus follows it, Status does not move, nothing crashes', () => {
    const [fact] = mapImcEvent(registration({ status: 'ARCHIVED_BY_MIGRATION' }));
    expect(fact).toMatchObject({ Action: { kind: 'note' }, SourceStatus: 'ARCHIVED_BY_MIGRATION' });
    const booked = mapImcEvent(registration({ status: 'BOOKED', 'due-date': undefined }));
    const later = mapImcEvent({ ...registration({ status: 'ARCHIVED_BY_MIGRATION' }), EventStartUtc: '2020-10-27T00:00:00Z' });
    expect(foldFacts([...booked, ...later])).toMatchObject({ Status: 'ENROLLED', SourceStatus: 'ARCHIVED_BY_MIGRATION' });
  });

  it('treats a change from a completion back to STARTED as a reopen, since imc states the transition', () => {
    expect(mapImcEvent(registration({ 'initial-status': 'PASSED', status: 'STARTED' }))[0]?.Action).toEqual({ kind: 'reopen' });
    expect(mapImcEvent(registration({ 'initial-status': 'BOOKED', status: 'STARTED' }))[0]?.Action).toEqual({ kind: 'start' });
  });

  it('uses identifier when the user has no external id', () => {
    const [fact] = mapImcEvent(registration({ 'external-id': '' }));
    expect(fact?.PublisherParticipantId).toBe('121150');
    const [withoutKey] = mapImcEvent(registration({ 'external-id': undefined }));
    expect(withoutKey?.PublisherParticipantId).toBe('121150');
  });

  it('clears the due date when it is sent empty or null, and says nothing about it when absent', () => {
    expect(mapImcEvent(registration({ 'due-date': null }))[1]?.Action).toEqual({ kind: 'dueDateCleared' });
    expect(mapImcEvent(registration({ 'due-date': '' }))[1]?.Action).toEqual({ kind: 'dueDateCleared' });
    const { 'due-date': _dropped, ...withoutDueDate } = IMC_REGISTRATION_CHANGE;
    expect(mapImcEvent(imc('REGISTRATION_CHANGED', withoutDueDate))).toHaveLength(1);
  });

  it('keeps the calendar date imc wrote when the due date carries a time and an offset', () => {
    expect(mapImcEvent(registration({ 'due-date': '2021-05-19T00:00:00+0200' }))[1]?.Action).toEqual({
      kind: 'dueDateSet',
      dueDate: '2021-05-19',
    });
  });

  it('maps the seed recertification due date change onto the template', () => {
    const event = imc('RECERT_DUE_DATE_CHANGED', IMC_RECERT_DUE_DATE_CHANGE);
    expect(mapImcEvent(event)).toEqual([
      {
        PublisherSystemId: 'IMC',
        PublisherProgramId: 'IMC',
        PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
        LearningObjectId: '555792',
        Action: { kind: 'dueDateSet', dueDate: '2020-12-31' },
        SourceStatus: null,
        SourceUtc: '2020-10-26T07:51:02.089Z',
        EventId: event.EventId,
        FactIndex: 0,
      },
    ]);
    const cleared = mapImcEvent(imc('RECERT_DUE_DATE_CHANGED', { ...IMC_RECERT_DUE_DATE_CHANGE, 'due-date': null }));
    expect(cleared[0]?.Action).toEqual({ kind: 'dueDateCleared' });
  });

  it('ignores logins, course changes and messages without a user or course', () => {
    expect(mapImcEvent(imc('LOGIN_SUCCEEDED', IMC_LOGIN_SUCCEEDED))).toEqual([]);
    expect(mapImcEvent(imc('LOGIN_FAILED', { ...IMC_LOGIN_SUCCEEDED, result: 'failed' }))).toEqual([]);
    expect(mapImcEvent(imc('COURSE_CHANGED', IMC_COURSE_CHANGE))).toEqual([]);
    expect(mapImcEvent(registration({ 'course-object-id': null }))).toEqual([]);
    expect(mapImcEvent({ ...registration({ 'external-id': null, identifier: null }), PublisherParticipantId: '' })).toEqual([]);
    expect(mapImcEvent(imc('REGISTRATION_CHANGED', null as unknown as Record<string, unknown>))).toEqual([]);
  });
});
