import type { ImcPublisher, RunningRabbitMq } from '../../libs/dev-stack/src/index.js';
import { IMC_SEED_SAMPLES, imcSeedSampleJson, readImcSeedSample } from '../../libs/sources/imc/src/messages/fixtures/imc-seed-samples.js';
import { api, asAdmin, createApiKey, createProgram, eventually, nextPath, stopProcess, waitForDrain } from '../support/hub.js';
import {
  countImcEvents,
  declareImcQueues,
  imcPublisher,
  imcReadiness,
  imcTenant,
  loginMessages,
  programExists,
  queueDepth,
  startImcBroker,
  startImcWorker,
  workerMetrics,
  type ImcWorker,
} from '../support/imc.js';

interface StoredEvent {
  EventId: string;
  EventType: string;
  PublisherSystemId: string;
  PublisherProgramId: string;
  PublisherEventId: string;
  PublisherParticipantId: string;
  PublisherEventCategory: { value: string; label: string } | null;
  PublisherEventData: Record<string, unknown>;
  EventStartUtc: string;
  EventEndUtc: string | null;
}

/** The imc queue on a real RabbitMQ (AMQP 1.0 plugin) and a worker process with the consumer on. */
describe('imc queue ingestion (RabbitMQ)', () => {
  const tenant = imcTenant('ingest');
  const late = imcTenant('late', { declared: false });
  let broker: RunningRabbitMq;
  let worker: ImcWorker;
  let publisher: ImcPublisher;
  let auth: { Authorization: string };

  beforeAll(async () => {
    broker = await startImcBroker([tenant, late]);
    worker = await startImcWorker(broker, tenant);
    publisher = await imcPublisher(broker, tenant);
    await eventually(async () => (await imcReadiness(worker)).imc?.state === 'connected', 30_000, 'the imc consumer to connect');
    auth = { Authorization: `Bearer ${(await createApiKey([tenant.programId], ['events:read'])).key}` };
  });

  afterAll(async () => {
    await publisher?.close();
    if (worker) await stopProcess(worker.name, 'SIGTERM');
    await broker?.stop();
  });

  const eventsOf = async (query: string): Promise<StoredEvent[]> =>
    (await api().get(`/api/v1/events?PublisherProgramId=${tenant.programId}&${query}`).set(auth).expect(200)).body as StoredEvent[];

  it('creates IMC_PROGRAM_ID at start and reports the connection in readiness (200) and metrics', async () => {
    expect(await programExists(tenant.programId)).toBe(true);
    const ready = await imcReadiness(worker);
    expect(ready.httpStatus).toBe(200);
    expect(ready.imc).toMatchObject({ state: 'connected', degraded: false });
    expect(Object.values(ready.imc!.links)).toEqual([true, true, true, true, true, true]);
    const metrics = await workerMetrics(worker);
    expect(metrics).toContain('hub_imc_connection_state{state="connected"} 1');
    expect(metrics).toContain('hub_imc_links_attached 6');
  });

  it('stores every seed sample published to its topic as its canonical event, whatever the body encoding', async () => {
    const encodings = ['data', 'string', 'map'] as const;
    await publisher.publishAll(
      IMC_SEED_SAMPLES.map((sample, i) => ({ topic: sample.topic, body: readImcSeedSample(sample.name), encoding: encodings[i % encodings.length] })),
    );
    const events = await eventually(async () => {
      const stored = await eventsOf('PublisherSystemId=IMC&limit=100');
      return stored.length >= IMC_SEED_SAMPLES.length ? stored : undefined;
    }, 60_000, 'the seed samples stored') as StoredEvent[];
    const byType = (type: string) => events.filter((e) => e.EventType === type);

    expect(events.map((e) => e.EventType).sort()).toEqual(['COURSE_CHANGED', 'LOGIN_FAILED', 'LOGIN_SUCCEEDED', 'RECERT_DUE_DATE_CHANGED', 'REGISTRATION_CHANGED']);
    for (const event of events) {
      expect(event).toMatchObject({ PublisherSystemId: 'IMC', PublisherProgramId: tenant.programId });
      expect(event.EventId.startsWith(`${tenant.programId}-`)).toBe(true);
      expect(event.EventEndUtc).toBe(event.EventStartUtc);
    }
    expect(byType('LOGIN_SUCCEEDED')[0]).toMatchObject({
      PublisherParticipantId: '2',
      PublisherEventId: 'login:2:1603666208487',
      EventStartUtc: '2020-10-25T22:50:08.487Z',
      PublisherEventCategory: { value: 'de.imc.ils_login', label: 'Login Events' },
      PublisherEventData: imcSeedSampleJson('login-success'),
    });
    expect(byType('COURSE_CHANGED')[0]).toMatchObject({
      PublisherParticipantId: 'ce77b12d-4119-3390-92e6-000000001517',
      PublisherEventId: 'course-change:517282:1603666208487',
      PublisherEventData: imcSeedSampleJson('course-change'),
    });
    expect(byType('REGISTRATION_CHANGED')[0]).toMatchObject({
      PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
      PublisherEventId: 'registration-change:ce77b12d-fa54-3353-8e4d-000000000213:555792:1603698662089',
      PublisherEventCategory: { value: 'de.imc.ils_registrations', label: 'Registration Events' },
      PublisherEventData: imcSeedSampleJson('registration-change'),
    });
    expect(byType('RECERT_DUE_DATE_CHANGED')[0].PublisherEventData).toEqual(imcSeedSampleJson('recert-due-date-change'));
  });

  it('stores a registration change that arrives on _registrations and _completions once', async () => {
    const change = { ...imcSeedSampleJson('registration-change'), status: 'PASSED', timestamp: 1_700_000_123_456, summary: 'twice' };
    await publisher.publish({ topic: 'de.imc.ils_registrations', body: change });
    // The copy on the second topic with another key order and formatting: the same message to imc.
    await publisher.publish({ topic: 'de.imc.ils_completions', body: JSON.stringify(Object.fromEntries(Object.entries(change).reverse()), null, 2) });
    await eventually(async () => {
      const [registrations, completions] = await Promise.all([
        queueDepth(broker, tenant, 'de.imc.ils_registrations'),
        queueDepth(broker, tenant, 'de.imc.ils_completions'),
      ]);
      return registrations.ready + registrations.unacked + completions.ready + completions.unacked === 0;
    }, 30_000, 'both copies settled');
    await waitForDrain();
    const stored = await eventsOf('PublisherEventId=registration-change:ce77b12d-fa54-3353-8e4d-000000000213:555792:1700000123456');
    expect(stored).toHaveLength(1);
    expect(stored[0].PublisherEventData).toEqual(change);
  });

  it('keeps a malformed message as a dead letter with its bytes and topic, settles it, and stores nothing for it', async () => {
    const before = await countImcEvents(tenant.programId);
    const bytes = Buffer.from('{"login":"imc_super","identifier":2,"result":"success",', 'utf8');
    await publisher.publish({ topic: 'de.imc.ils_login', body: bytes });
    const missingField = { login: 'nobody', result: 'success', timestamp: 1_700_000_000_001, summary: 'no user id' };
    await publisher.publish({ topic: 'de.imc.ils_login', body: missingField });

    const letters = await eventually(async () => {
      const res = await api().get(`/admin/dead-letters?source=IMC&programId=${tenant.programId}`).set(asAdmin()).expect(200);
      return (res.body as { id: string; reason: string }[]).length >= 2 ? (res.body as { id: string; reason: string }[]) : undefined;
    }, 30_000, 'the dead letters') as { id: string; reason: string }[];
    const invalid = letters.find((l) => l.reason.startsWith('invalid_json'))!;
    expect(invalid).toBeDefined();
    expect(letters.some((l) => l.reason.startsWith('missing_field'))).toBe(true);
    const detail = (await api().get(`/admin/dead-letters/${invalid.id}`).set(asAdmin()).expect(200)).body;
    expect(detail).toMatchObject({ source: 'IMC', programId: tenant.programId, payload: bytes.toString('utf8'), context: { topic: 'de.imc.ils_login' } });

    await eventually(async () => {
      const depth = await queueDepth(broker, tenant, 'de.imc.ils_login');
      return depth.ready + depth.unacked === 0;
    }, 30_000, 'the malformed messages settled');
    await waitForDrain();
    expect(await countImcEvents(tenant.programId)).toEqual(before);
  });

  it('feeds the course catalogue: the newest course change wins whatever the arrival order, paged and scoped to the key', async () => {
    const course = imcSeedSampleJson('course-change');
    const newer = { ...course, 'object-id': 900001, title: 'Newer title', timestamp: 1_700_000_200_000 };
    const older = { ...course, 'object-id': 900001, title: 'Older title', timestamp: 1_700_000_100_000 };
    const other = { ...course, 'object-id': 900002, title: 'Another course', timestamp: 1_700_000_100_000 };
    await publisher.publishAll([newer, older, other].map((body) => ({ topic: 'de.imc.ils_course-changes', body })));
    await waitForDrain();

    const first = await eventually(async () => {
      const res = await api().get('/api/v1/imc/courses?limit=1&title=course').set(auth).expect(200);
      return (res.body as unknown[]).length === 1 ? res : undefined;
    }, 30_000, 'the catalogue') as Awaited<ReturnType<ReturnType<typeof api>['get']>>;
    expect(first.headers.link).toMatch(/rel="next"/);
    // The ingest queue being empty says nothing of messages still on their way from the broker: wait for all three.
    const all = (await eventually(async () => {
      const res = await api().get(`/api/v1/imc/courses?programId=${tenant.programId}&limit=1000`).set(auth).expect(200);
      const ids = (res.body as { courseId: string }[]).map((c) => c.courseId);
      return ids.includes('900001') && ids.includes('900002') ? res.body : undefined;
    }, 30_000, 'both new courses')) as Record<string, unknown>[];
    const changed = await eventually(async () => {
      const res = await api().get('/api/v1/imc/courses?courseId=900001').set(auth).expect(200);
      return (res.body as Record<string, unknown>[])[0];
    }, 30_000, 'course 900001');
    expect(changed).toMatchObject({
      programId: tenant.programId,
      courseId: '900001',
      title: 'Newer title',
      externalId: 'ce77b12d-4119-3390-92e6-000000001517',
      startDateUtc: '2021-05-18T22:00:00.000Z',
      learningForm: 'classroom',
      sourceTime: new Date(1_700_000_200_000).toISOString(),
    });
    expect(all.map((c) => c.courseId)).toEqual(expect.arrayContaining(['517282', '900001', '900002']));
    const second = await api().get(nextPath(first.headers.link as string)).set(auth).expect(200);
    expect((second.body as { courseId: string }[])[0].courseId).not.toBe((first.body as { courseId: string }[])[0].courseId);

    const stranger = { Authorization: `Bearer ${(await createApiKey([await createProgram()], ['events:read'])).key}` };
    await api().get(`/api/v1/imc/courses?programId=${tenant.programId}`).set(stranger).expect(403);
    expect((await api().get('/api/v1/imc/courses').set(stranger).expect(200)).body).toEqual([]);
    await api().get('/api/v1/imc/courses?after=bogus').set(auth).expect(400);
  });

  it('documents GET /api/v1/imc/courses in the OpenAPI document, with examples', async () => {
    const doc = (await api().get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { parameters: { name: string }[]; security: unknown[] } }>;
      components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> };
    };
    const get = doc.paths['/api/v1/imc/courses']?.get;
    expect(get).toBeDefined();
    expect(get!.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['programId', 'courseId', 'externalId', 'title', 'changedSince', 'limit', 'after']));
    expect(get!.security.length).toBeGreaterThan(0);
    expect(doc.components.schemas.ImcCourseDto.properties.courseId.example).toBe('517282');
  });

  it('shows subscription queues that do not exist yet as degraded (readiness stays 200), and takes messages once they are declared', async () => {
    const waiting = await startImcWorker(broker, late);
    const degraded = await eventually(async () => {
      const ready = await imcReadiness(waiting);
      return ready.httpStatus === 200 && ready.imc?.state === 'degraded' && ready.imc.degraded ? ready.imc : undefined;
    }, 30_000, 'readiness to show the missing queues');
    expect(Object.values(degraded!.links).every((attached) => !attached)).toBe(true);

    await declareImcQueues(broker, late);
    await eventually(async () => (await imcReadiness(waiting)).imc?.state === 'connected', 60_000, 'the links re-opened');
    const latePublisher = await imcPublisher(broker, late);
    await latePublisher.publishAll(loginMessages(3, 'late'));
    await latePublisher.close();
    await eventually(async () => (await countImcEvents(late.programId)).rows === 3, 30_000, 'the 3 late messages stored');
    await stopProcess(waiting.name, 'SIGTERM');
  });
});
