import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload } from '@hub/pipeline';
import { IMC_COMPLETED_STATEMENT } from '../fixtures/imc-completed-statement.fixture.js';
import { prepareStatement } from '../statements/statement.preparer.js';
import type { Statement } from '../statements/statement.types.js';
import { mapXapiEvent } from '@hub/learner-records';
import type { StatementRepository } from '../lrs/statements/statement.repository.js';
import { XapiNormalizer } from './xapi.normalizer.js';

const stored = prepareStatement(IMC_COMPLETED_STATEMENT as unknown as Statement, {
  authority: { account: { homePage: 'https://learning-hub.dev/xapi/clients', name: 'c1' } },
  now: new Date('2024-03-01T00:00:00Z'),
});
const payload = (body: string): IngestPayload => ({ source: 'XAPI', programId: 'NURSING', body, receivedUtc: '2024-03-01T00:00:00Z' });

describe('XapiNormalizer (worker side)', () => {
  const held = new Map<string, string>([[stored.id, JSON.stringify(stored)]]);
  const repository = {
    findMany: async (_programId: string, ids: readonly string[]) => new Map(ids.flatMap((id): [string, string][] => (held.has(id) ? [[id, held.get(id)!]] : []))),
  };
  const normalizer = new XapiNormalizer(new NormalizerRegistry(), repository as unknown as StatementRepository);

  it('turns the stored seed Statement into the canonical completed event', async () => {
    const [event] = await normalizer.normalize(payload(JSON.stringify([stored])));
    expect(event).toMatchObject({
      PublisherSystemId: 'XAPI',
      PublisherProgramId: 'NURSING',
      EventType: 'completed',
      PublisherEventId: '0ea6d5c8-48f5-4e8d-805a-a996f8f6867f',
      PublisherParticipantId: 'max.mustermann@somedomain.com',
      EventStartUtc: '2020-01-11T10:30:45.154Z',
    });
  });

  it.each([
    ['not JSON', '{'],
    ['not an array', JSON.stringify(stored)],
    ['an invalid Statement', JSON.stringify([{ ...stored, verb: { id: 'not an IRI' } }])],
    ['a Statement without id', JSON.stringify([{ ...stored, id: undefined }])],
  ])('dead-letters a payload that is %s', (_name, body) => {
    expect(() => normalizer.normalize(payload(body))).toThrow(UnprocessablePayloadError);
  });

  describe('a voiding Statement', () => {
    const voiding = (target: string) =>
      prepareStatement(
        {
          actor: { mbox: 'mailto:lrs-admin@example.com' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
          object: { objectType: 'StatementRef', id: target },
        } as unknown as Statement,
        { authority: { account: { homePage: 'https://learning-hub.dev/xapi/clients', name: 'c1' } }, now: new Date('2024-03-02T00:00:00Z') },
      );

    it("carries the voided Statement's event, so its void lands in the voided learner's record", async () => {
      const [completed] = await normalizer.normalize(payload(JSON.stringify([stored])));
      const [event] = await normalizer.normalize(payload(JSON.stringify([voiding(stored.id.toUpperCase())])));
      expect(event).toMatchObject({ EventType: 'voided', PublisherParticipantId: 'lrs-admin@example.com' });
      expect(event!.PublisherEventData).toMatchObject({
        'hub:voidedEvent': {
          EventId: completed!.EventId,
          PublisherEventId: stored.id,
          PublisherParticipantId: 'max.mustermann@somedomain.com',
          EventStartUtc: '2020-01-11T10:30:45.154Z',
          PublisherEventData: { verb: stored.verb, object: stored.object },
        },
      });
      expect(mapXapiEvent(event!)).toMatchObject([
        { PublisherParticipantId: 'max.mustermann@somedomain.com', Action: { kind: 'void', voidedEventId: completed!.EventId } },
      ]);
    });

    it('stays as it is when the LRS does not hold the voided Statement', async () => {
      const statement = voiding('6f0d2c8e-6f0d-4c8e-8c8e-6f0d2c8e6f0d');
      const [event] = await normalizer.normalize(payload(JSON.stringify([statement])));
      expect(event!.PublisherEventData).toEqual(statement);
    });

    it('marks a Statement the LRS stored as voided (its voiding Statement came first), so it gives no learner facts', async () => {
      const [event] = await normalizer.normalize({ ...payload(JSON.stringify([stored])), context: { clientId: 'c1', voidedOnArrival: stored.id } });
      expect(event!.PublisherEventData).toMatchObject({ id: stored.id, 'hub:voided': true });
      expect(mapXapiEvent(event!)).toEqual([]);
      const [plain] = await normalizer.normalize({ ...payload(JSON.stringify([stored])), context: { clientId: 'c1' } });
      expect(plain!.PublisherEventData).toEqual(stored);
    });
  });
});
