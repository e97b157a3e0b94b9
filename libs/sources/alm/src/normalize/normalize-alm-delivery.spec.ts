import { eventIdFor } from '@hub/event-store';
import { parseAlmDelivery } from '../delivery/parse-alm-delivery.js';
import type { AlmDelivery } from '../delivery/alm-delivery.types.js';
import { normalizeAlmDelivery } from './normalize-alm-delivery.js';

function delivery(events: unknown[], accountId: unknown = 1234): AlmDelivery {
  const result = parseAlmDelivery(JSON.stringify({ accountId, events }));
  if (!result.ok) throw new Error(result.detail);
  return result.delivery;
}

const enrollment = {
  eventId: 'e-1',
  eventName: 'COURSE_ENROLLMENT',
  timestamp: 1725524713000,
  data: { userId: 42, loId: 'course:1', loInstanceId: 'course:1_2', dateEnrolled: '2024-09-05T08:25:00+02:00' },
};

describe('normalizeAlmDelivery', () => {
  it('maps an event onto the canonical fields', () => {
    expect(normalizeAlmDelivery(delivery([enrollment]), { programId: 'P1' })).toEqual([
      {
        EventId: eventIdFor('ALM', 'P1', ['1234', 'COURSE_ENROLLMENT', 'e-1']),
        PublisherProgramId: 'P1',
        PublisherSystemId: 'ALM',
        EventType: 'COURSE_ENROLLMENT',
        PublisherEventId: 'e-1',
        PublisherParticipantId: '42',
        PublisherEventCategory: { value: 'enrollment', label: 'Enrollment' },
        PublisherEventData: { accountId: 1234, ...enrollment },
        EventStartUtc: '2024-09-05T06:25:00.000Z',
        EventEndUtc: '2024-09-05T06:25:00.000Z',
      },
    ]);
  });

  it('gives a resent event the same EventId, and each program its own', () => {
    const first = normalizeAlmDelivery(delivery([enrollment]), { programId: 'P1' })[0];
    const resent = normalizeAlmDelivery(delivery([{ ...enrollment, timestamp: 1725524799 }]), { programId: 'P1' })[0];
    const otherProgram = normalizeAlmDelivery(delivery([enrollment]), { programId: 'P2' })[0];
    const otherAccount = normalizeAlmDelivery(delivery([enrollment], '999'), { programId: 'P1' })[0];
    expect(resent.EventId).toBe(first.EventId);
    expect(otherProgram.EventId).not.toBe(first.EventId);
    expect(otherAccount.EventId).not.toBe(first.EventId);
  });

  it('treats the account id the same whether sent as number or string', () => {
    const asNumber = normalizeAlmDelivery(delivery([enrollment], 1234), { programId: 'P' })[0];
    const asString = normalizeAlmDelivery(delivery([enrollment], '1234'), { programId: 'P' })[0];
    expect(asString.EventId).toBe(asNumber.EventId);
  });

  it('returns an event repeated inside one delivery once, in delivery order', () => {
    const other = { ...enrollment, eventId: 'e-2' };
    const events = normalizeAlmDelivery(delivery([enrollment, other, enrollment]), { programId: 'P' });
    expect(events.map((e) => e.PublisherEventId)).toEqual(['e-1', 'e-2']);
  });

  it('names learning objects and instances as the participant of their events', () => {
    const events = normalizeAlmDelivery(
      delivery([
        { eventId: '1', eventName: 'LEARNING_OBJECT_MODIFICATION', timestamp: 1725523081, data: { loId: 'learning_program:7', loType: 'learning_program' } },
        { eventId: '2', eventName: 'LEARNING_OBJECT_INSTANCE_MODIFICATION', timestamp: 1725523081, data: { loId: 'course:1', loInstanceId: 'course:1_2' } },
        { eventId: '3', eventName: 'CI_STATS', timestamp: 1725523081, data: { loInstanceId: 'course:1_2', seatLimit: 3 } },
      ]),
      { programId: 'P' },
    );
    expect(events.map((e) => [e.PublisherParticipantId, e.PublisherEventCategory?.value])).toEqual([
      ['learningProgram:7', 'learning_object'],
      ['course:1_2', 'learning_object_instance'],
      ['course:1_2', 'instance_stats'],
    ]);
  });

  it('stores unknown event names with the "other" category', () => {
    const [e] = normalizeAlmDelivery(
      delivery([{ eventId: 'r', eventName: 'LEARNING_PATH_COMPLETION_ROLLBACK', timestamp: 1725523081, data: { userId: 3 } }]),
      { programId: 'P' },
    );
    expect(e).toMatchObject({
      EventType: 'LEARNING_PATH_COMPLETION_ROLLBACK',
      PublisherParticipantId: '3',
      PublisherEventCategory: { value: 'other', label: 'Other' },
      EventStartUtc: '2024-09-05T07:58:01.000Z',
    });
  });

  it('lets the delivery account win over an accountId inside the event, since it is the identity', () => {
    const [e] = normalizeAlmDelivery(delivery([{ ...enrollment, accountId: 'spoofed' }]), { programId: 'P' });
    expect(e.PublisherEventData).toMatchObject({ accountId: 1234 });
  });

  it('returns categories that callers may change without changing the catalogue', () => {
    const [a] = normalizeAlmDelivery(delivery([enrollment]), { programId: 'P' });
    a.PublisherEventCategory!.label = 'changed';
    const [b] = normalizeAlmDelivery(delivery([enrollment]), { programId: 'P' });
    expect(b.PublisherEventCategory?.label).toBe('Enrollment');
  });
});
