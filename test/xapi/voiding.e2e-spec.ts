import { randomUUID } from 'node:crypto';
import { api, eventually } from '../support/hub.js';
import { createClient, lrs, postStatements, statement, xapiEvents, type TestClient } from './xapi-support.js';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const voiding = (target: string, overrides: Record<string, unknown> = {}) =>
  statement({ verb: { id: VOIDED, display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target }, ...overrides });

describe('voiding (Data 2.3.2, Communication 2.1.4)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  it('hides a voided Statement from statementId (404) and lists, and serves it by voidedStatementId', async () => {
    const verb = `http://example.com/verbs/${randomUUID()}`;
    const target = statement({ verb: { id: verb } });
    await postStatements(client, target);
    const [voidingId] = await postStatements(client, voiding(target.id as string));
    await api().get(`/xAPI/statements?statementId=${target.id as string}`).set(lrs(client)).expect(404);
    const byVoided = await api().get(`/xAPI/statements?voidedStatementId=${target.id as string}`).set(lrs(client)).expect(200);
    expect(byVoided.body.id).toBe(target.id);
    await api().get(`/xAPI/statements?voidedStatementId=${voidingId as string}`).set(lrs(client)).expect(404);
    // The voiding Statement targets a Statement matching the filter, so it is returned; the voided one is not (XAPI-00162).
    const list = await api().get(`/xAPI/statements?verb=${encodeURIComponent(verb)}`).set(lrs(client)).expect(200);
    expect(list.body.statements.map((s: { id: string }) => s.id)).toEqual([voidingId]);
  });

  it('returns Statements that target a voided Statement with a StatementRef', async () => {
    const verb = `http://example.com/verbs/${randomUUID()}`;
    const target = statement({ verb: { id: verb } });
    await postStatements(client, target);
    const [voidingId] = await postStatements(client, voiding(target.id as string));
    const [refId] = await postStatements(client, statement({ verb: { id: verb }, object: { objectType: 'StatementRef', id: target.id } }));
    const list = await api().get(`/xAPI/statements?verb=${encodeURIComponent(verb)}`).set(lrs(client)).expect(200);
    expect(list.body.statements.map((s: { id: string }) => s.id)).toEqual([refId, voidingId]);
  });

  it('refuses to void a voiding Statement (XAPI-00016), within a batch too', async () => {
    const target = statement();
    await postStatements(client, target);
    const [voidingId] = await postStatements(client, voiding(target.id as string));
    const refused = await api().post('/xAPI/statements').set(lrs(client)).send(voiding(voidingId as string)).expect(400);
    expect(refused.body.message).toMatch(/voiding Statement cannot be voided/);
    const first = voiding(randomUUID());
    await api().post('/xAPI/statements').set(lrs(client)).send([first, voiding(first.id as string)]).expect(400);
    await api().get(`/xAPI/statements?statementId=${voidingId as string}`).set(lrs(client)).expect(200);
  });

  it('voids a Statement that arrives after the Statement voiding it', async () => {
    const late = statement();
    await postStatements(client, voiding(late.id as string));
    await postStatements(client, late);
    await api().get(`/xAPI/statements?statementId=${late.id as string}`).set(lrs(client)).expect(404);
    await api().get(`/xAPI/statements?voidedStatementId=${late.id as string}`).set(lrs(client)).expect(200);
  });

  it('accepts voiding an already voided Statement', async () => {
    const target = statement();
    await postStatements(client, target);
    await postStatements(client, voiding(target.id as string));
    await postStatements(client, voiding(target.id as string));
    await api().get(`/xAPI/statements?voidedStatementId=${target.id as string}`).set(lrs(client)).expect(200);
  });

  it('hands voiding Statements to the pipeline as voided events', async () => {
    const own = await createClient();
    const target = statement();
    await postStatements(own, target);
    await postStatements(own, voiding(target.id as string));
    const events = await eventually(async () => {
      const found = await xapiEvents(own.programId);
      return found.length === 2 ? found : undefined;
    }, 30_000, 'both events');
    expect(events!.map((e) => e.event_type).sort()).toEqual(['attempted', 'voided']);
  });
});
