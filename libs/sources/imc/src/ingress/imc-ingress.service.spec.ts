import type { ProgramsService } from '@hub/access';
import type { ImcConfig } from '@hub/config';
import { PipelineUnavailableError, type AcceptService, type DeadLettersService, type IngestPayload } from '@hub/pipeline';
import { IMC_TOPIC } from '../imc-topics.js';
import { readImcSeedSample } from '../messages/fixtures/imc-seed-samples.js';
import { decodeImcBatch, IMC_BATCH_CONTENT_TYPE } from '../normalize/imc-batch-payload.js';
import type { ImcDelivery } from '../transport/imc-delivery.js';
import { ImcIngressService } from './imc-ingress.service.js';

const config = { programId: 'IMC', subscription: 'learning-hub' } as ImcConfig;

function delivery(body: unknown, topic: ImcDelivery['topic'] = IMC_TOPIC.login): ImcDelivery {
  return { topic, address: `/amq/queue/learning-hub.${topic}`, broker: 'rabbitmq', body, redelivered: false, deliveryCount: 0, receivedUtc: '2024-03-01T00:00:00.000Z', messageId: 'm-1' };
}

function setup(accept: (payload: IngestPayload) => Promise<string> = async () => 'job-1', keepRaw: (...args: unknown[]) => Promise<string> = async () => 'dl-1') {
  const accepted: IngestPayload[] = [];
  const kept: unknown[][] = [];
  const acceptor = { accept: async (payload: IngestPayload) => (accepted.push(payload), accept(payload)) } as unknown as AcceptService;
  const deadLetters = { keepRaw: async (...args: unknown[]) => (kept.push(args), keepRaw(...args)) } as unknown as DeadLettersService;
  const ensured: unknown[][] = [];
  const programs = { ensure: async (...args: unknown[]) => void ensured.push(args) } as unknown as ProgramsService;
  return { service: new ImcIngressService(acceptor, deadLetters, programs, config), accepted, kept, ensured };
}

describe('ImcIngressService', () => {
  it('acks once the pipeline holds the raw body, with the topic for the worker', async () => {
    const { service, accepted } = setup();
    const raw = readImcSeedSample('login-success');
    const data = { typecode: 0x75, content: Buffer.from(raw, 'utf8') };
    expect(await service.receive(delivery(data))).toEqual({ kind: 'ack' });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ source: 'IMC', programId: 'IMC', body: raw, correlationId: 'm-1', context: { topic: IMC_TOPIC.login, broker: 'rabbitmq' } });
  });

  it('asks for a redelivery when the pipeline is unavailable, without counting it as a failed delivery', async () => {
    const { service } = setup(async () => {
      throw new PipelineUnavailableError(new Error('redis down'));
    });
    expect(await service.receive(delivery(readImcSeedSample('login-success')))).toMatchObject({ kind: 'retry', failedAttempt: false });
  });

  it('keeps a message that can never be an event in the dead letters with its bytes and topic, then dead-letters it', async () => {
    const { service, accepted, kept } = setup();
    const bytes = Buffer.from('{"login": "x",', 'utf8');
    const verdict = await service.receive(delivery({ typecode: 0x75, content: bytes }));
    expect(verdict).toMatchObject({ kind: 'dead-letter' });
    expect(accepted).toHaveLength(0);
    const [source, programId, payload, reason, , context] = kept[0] as [string, string, Buffer, string, string, Record<string, string>];
    expect({ source, programId, payload: payload.equals(bytes), context }).toEqual({ source: 'IMC', programId: 'IMC', payload: true, context: expect.objectContaining({ topic: IMC_TOPIC.login }) });
    expect(reason).toMatch(/^invalid_json/);
  });

  it('names the missing field of a message that parses but is not an imc event', async () => {
    const { service, kept } = setup();
    await service.receive(delivery({ result: 'success', timestamp: 1603666208487 }));
    expect(kept[0][3]).toMatch(/^missing_field/);
  });

  it('asks for a redelivery when the dead-letter store is unavailable: a bad message is never dropped unkept', async () => {
    const { service } = setup(undefined, async () => {
      throw new Error('postgres down');
    });
    expect(await service.receive(delivery('not json'))).toMatchObject({ kind: 'retry' });
  });

  it('hands the messages received in one turn to the pipeline as one job, and acks each only once it is there', async () => {
    const { service, accepted } = setup();
    const login = readImcSeedSample('login-success');
    const registration = readImcSeedSample('registration-change');
    const verdicts = await Promise.all([service.receive(delivery(login)), service.receive(delivery(registration, IMC_TOPIC.registrations))]);
    expect(verdicts).toEqual([{ kind: 'ack' }, { kind: 'ack' }]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ source: 'IMC', programId: 'IMC', contentType: IMC_BATCH_CONTENT_TYPE });
    expect(decodeImcBatch(accepted[0].body)).toEqual({
      ok: true,
      messages: [
        { topic: IMC_TOPIC.login, body: login, messageId: 'm-1' },
        { topic: IMC_TOPIC.registrations, body: registration, messageId: 'm-1' },
      ],
    });
  });

  it('asks for a redelivery of every message of a batch the pipeline did not take', async () => {
    const { service } = setup(async () => {
      throw new PipelineUnavailableError(new Error('redis down'));
    });
    const verdicts = await Promise.all([1, 2, 3].map(() => service.receive(delivery(readImcSeedSample('login-success')))));
    expect(verdicts.map((v) => v.kind)).toEqual(['retry', 'retry', 'retry']);
  });

  it('creates IMC_PROGRAM_ID when preparing', async () => {
    const { service, ensured } = setup();
    await service.prepare();
    expect(ensured).toEqual([['IMC', 'imc Learning Suite']]);
  });
});
