import type { QueryInput } from '../../http/statement-query.parser.js';
import { parseDocumentParams } from './document-params.parser.js';

const agent = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } });
const activityId = 'http://www.example.com/activityId/hashset';
const stateId = 'f6d7b0e4-6c6f-4e9a-9a77-5a1c7c1c2b11';

describe('document resource parameters (Communication 2.3, 2.6, 2.7)', () => {
  it('reads a State key, lower-casing the registration and keying the agent by its identifier', () => {
    const parsed = parseDocumentParams('state', 'PUT', { activityId, agent, stateId, registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7' });
    expect(parsed).toEqual({
      ok: true,
      params: {
        scope: { kind: 'state', activityId, agentKey: 'account:["http://www.example.com/agentId/1","Rick James"]', registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
        documentId: stateId,
      },
    });
  });

  it('lets GET omit the id and take since; DELETE of states may omit the id', () => {
    expect(parseDocumentParams('state', 'GET', { activityId, agent, since: '2024-01-01T00:00:00+01:00' })).toMatchObject({
      ok: true,
      params: { since: '2023-12-31T23:00:00.000Z' },
    });
    expect(parseDocumentParams('state', 'DELETE', { activityId, agent }).ok).toBe(true);
    expect(parseDocumentParams('agent-profile', 'GET', { agent }).ok).toBe(true);
  });

  it.each([
    ['a State without activityId', 'state', 'PUT', { agent, stateId }, 'activityId'],
    ['an activityId that is not an IRI', 'state', 'GET', { activityId: '1', agent, stateId }, 'activityId'],
    ['an agent that is not JSON', 'state', 'POST', { activityId, agent: 'not JSON', stateId }, 'agent'],
    ['an agent that is not an Agent', 'agent-profile', 'GET', { agent: '{"not_actor":"yup"}' }, 'agent'],
    ['a registration that is not a UUID', 'state', 'PUT', { activityId, agent, stateId, registration: 'not UUID' }, 'registration'],
    ['a PUT without stateId', 'state', 'PUT', { activityId, agent }, 'stateId'],
    ['a profile DELETE without profileId', 'activity-profile', 'DELETE', { activityId }, 'profileId'],
    ['since on a PUT', 'state', 'PUT', { activityId, agent, stateId, since: '2024-01-01T00:00:00Z' }, 'since'],
    ['a bad since', 'agent-profile', 'GET', { agent, since: 'not a timestamp' }, 'since'],
    ['an agent parameter on the Activity Profile resource', 'activity-profile', 'PUT', { activityId, profileId: 'p', agent }, 'agent'],
    ['a mis-cased parameter', 'activity-profile', 'GET', { ActivityId: activityId }, 'ActivityId'],
    ['a repeated parameter', 'activity-profile', 'GET', { activityId: [activityId, activityId] }, 'activityId'],
  ] as const)('rejects %s', (_name, kind, method, query, path) => {
    const parsed = parseDocumentParams(kind, method, query as QueryInput);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toContain(path);
  });
});
