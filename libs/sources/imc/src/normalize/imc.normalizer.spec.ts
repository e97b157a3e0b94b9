import { UnprocessablePayloadError, type IngestPayload, type NormalizerRegistry } from '@hub/pipeline';
import type { ImcCourseRepository } from '../catalogue/imc-course.repository.js';
import { IMC_SEED_SAMPLES, readImcSeedSample } from '../messages/fixtures/imc-seed-samples.js';
import { encodeImcBatch, IMC_BATCH_CONTENT_TYPE } from './imc-batch-payload.js';
import { normalizeImcMessage } from './imc-message.normalizer.js';
import { ImcNormalizer } from './imc.normalizer.js';

function setup() {
  const applied: string[] = [];
  const courses = { apply: async (_programId: string, _update: unknown, eventId: string) => (applied.push(eventId), true) } as unknown as ImcCourseRepository;
  return { normalizer: new ImcNormalizer({ register: () => undefined } as unknown as NormalizerRegistry, courses), applied };
}

const job = (body: string, contentType: string, context?: Record<string, string>): IngestPayload => ({
  source: 'IMC',
  programId: 'IMC',
  body,
  contentType,
  receivedUtc: '2024-03-01T00:00:00.000Z',
  context,
});

describe('ImcNormalizer', () => {
  it('turns a batch job into the events its messages give one by one, and applies its course change', async () => {
    const { normalizer, applied } = setup();
    const messages = IMC_SEED_SAMPLES.map(({ name, topic }) => ({ topic, body: readImcSeedSample(name) }));
    const events = await normalizer.normalize(job(encodeImcBatch(messages), IMC_BATCH_CONTENT_TYPE, { broker: 'rabbitmq' }));
    const oneByOne = messages.flatMap((m) => {
      const result = normalizeImcMessage(m, { programId: 'IMC' });
      if (!result.ok) throw new Error(result.reason.detail);
      return result.events;
    });
    expect(events).toEqual(oneByOne);
    expect(applied).toEqual([oneByOne[IMC_SEED_SAMPLES.findIndex((s) => s.name === 'course-change')].EventId]);
  });

  it('reads a lone message from its raw body and the topic in the context', async () => {
    const { normalizer } = setup();
    const events = await normalizer.normalize(job(readImcSeedSample('login-success'), 'application/json', { topic: 'de.imc.ils_login' }));
    expect(events.map((e) => e.EventType)).toEqual([expect.any(String)]);
  });

  it('refuses a batch body that is not one, and names the message of a batch that cannot be an event', async () => {
    const { normalizer } = setup();
    await expect(normalizer.normalize(job('{"messages": 3}', IMC_BATCH_CONTENT_TYPE))).rejects.toThrow(UnprocessablePayloadError);
    const batch = encodeImcBatch([
      { topic: 'de.imc.ils_login', body: readImcSeedSample('login-success') },
      { topic: 'de.imc.ils_login', body: '{"result": "success"}' },
    ]);
    await expect(normalizer.normalize(job(batch, IMC_BATCH_CONTENT_TYPE))).rejects.toThrow(/^message 2 of 2, missing_field/);
  });
});
