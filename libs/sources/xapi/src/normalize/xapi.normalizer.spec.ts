import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload } from '@hub/pipeline';
import { IMC_COMPLETED_STATEMENT } from '../fixtures/imc-completed-statement.fixture.js';
import { prepareStatement } from '../statements/statement.preparer.js';
import type { Statement } from '../statements/statement.types.js';
import { XapiNormalizer } from './xapi.normalizer.js';

const stored = prepareStatement(IMC_COMPLETED_STATEMENT as unknown as Statement, {
  authority: { account: { homePage: 'https://learning-hub.dev/xapi/clients', name: 'c1' } },
  now: new Date('2024-03-01T00:00:00Z'),
});
const payload = (body: string): IngestPayload => ({ source: 'XAPI', programId: 'NURSING', body, receivedUtc: '2024-03-01T00:00:00Z' });

describe('XapiNormalizer (worker side)', () => {
  const normalizer = new XapiNormalizer(new NormalizerRegistry());

  it('turns the stored seed Statement into the canonical completed event', () => {
    const [event] = normalizer.normalize(payload(JSON.stringify([stored])));
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
});
