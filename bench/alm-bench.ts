import { signAlmBody } from '@hub/sources/alm';

/** A delivery `{accountId, events}` of `count` course enrolments, ids from `first`. */
export function almDelivery(first: number, count: number): string {
  const events = Array.from({ length: count }, (_, i) => ({
    eventId: `bench-${first + i}`,
    eventName: 'COURSE_ENROLLMENT',
    timestamp: '2024-11-08T03:49:52.000Z',
    eventInfo: '123424713000-040366-10488-0',
    data: {
      userId: 10_000 + ((first + i) % 5_000),
      loId: 'course:12345678',
      loInstanceId: 'course:12345678_14450088',
      loType: 'course',
      enrollmentSource: 'SELF_ENROLL',
      dateEnrolled: '2024-11-08T03:49:52.000Z',
    },
  }));
  return JSON.stringify({ accountId: 1234, events });
}

export function signedAlmHeaders(body: string, secret: string): Record<string, string> {
  return { 'x-alm-signature': signAlmBody(body, { mode: 'hmac', secret }) };
}

/** Posts `deliveries` signed deliveries of `size` events each, 8 at a time, each answered 202. */
export async function queueAlmDeliveries(url: string, secret: string, deliveries: number, size: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < deliveries) {
        const body = almDelivery(next++ * size, size);
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedAlmHeaders(body, secret) }, body });
        if (res.status !== 202) throw new Error(`ALM delivery answered ${res.status}: ${await res.text()}`);
      }
    }),
  );
}
