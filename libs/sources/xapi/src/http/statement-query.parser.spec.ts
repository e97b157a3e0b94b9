import { parseStatementQuery, type StatementQueryParse } from './statement-query.parser.js';

const ID = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';
const AGENT = JSON.stringify({ objectType: 'Agent', mbox: 'mailto:ada@example.com' });
const errorPaths = (parse: StatementQueryParse): string[] => (parse.ok ? [] : parse.errors.map((e) => e.path));

describe('GET /statements parameters (Communication 2.1.3)', () => {
  it('XAPI-00156: statementId asks for one Statement, in exact format without attachments by default', () => {
    expect(parseStatementQuery({ statementId: ID.toUpperCase() })).toEqual({
      ok: true,
      extra: {},
      query: { kind: 'single', statementId: ID, voided: false, format: 'exact', attachments: false },
    });
  });

  it('XAPI-00155/XAPI-00157: voidedStatementId asks for one voided Statement', () => {
    expect(parseStatementQuery({ voidedStatementId: ID, format: 'ids', attachments: 'true' })).toMatchObject({
      ok: true,
      query: { kind: 'single', statementId: ID, voided: true, format: 'ids', attachments: true },
    });
  });

  it('rejects statementId together with voidedStatementId (Communication 2.1.3.s2.b1)', () => {
    expect(errorPaths(parseStatementQuery({ statementId: ID, voidedStatementId: ID }))).toEqual(['voidedStatementId']);
  });

  it.each(['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'ascending'])(
    'XAPI-00150/XAPI-00151: rejects statementId or voidedStatementId with %s',
    (name) => {
      const values: Record<string, string> = {
        agent: AGENT,
        verb: 'http://adlnet.gov/expapi/non/existent',
        activity: 'http://www.example.com/meetings/occurances/12345',
        registration: ID,
        related_activities: 'true',
        related_agents: 'true',
        since: '2012-06-01T19:09:13.245Z',
        until: '2012-06-01T19:09:13.245Z',
        limit: '1',
        ascending: 'true',
      };
      expect(errorPaths(parseStatementQuery({ statementId: ID, [name]: values[name] }))).toContain(name);
      expect(errorPaths(parseStatementQuery({ voidedStatementId: ID, [name]: values[name] }))).toContain(name);
    },
  );

  it('XAPI-00166-XAPI-00181: parses every filter into typed values', () => {
    const parse = parseStatementQuery({
      agent: AGENT,
      verb: 'http://adlnet.gov/expapi/verbs/completed',
      activity: 'urn:partnernamespace:objecttype:objectid',
      registration: ID.toUpperCase(),
      related_activities: 'true',
      related_agents: 'false',
      since: '2012-06-01T21:09:13.245+02:00',
      until: '2020-01-11T10:30:45.154z',
      limit: '25',
      ascending: 'true',
      format: 'canonical',
      attachments: 'false',
    });
    expect(parse).toEqual({
      ok: true,
      extra: {},
      query: {
        kind: 'list',
        format: 'canonical',
        attachments: false,
        filter: {
          agent: { objectType: 'Agent', mbox: 'mailto:ada@example.com' },
          verb: 'http://adlnet.gov/expapi/verbs/completed',
          activity: 'urn:partnernamespace:objecttype:objectid',
          registration: ID,
          relatedActivities: true,
          relatedAgents: false,
          since: '2012-06-01T19:09:13.245Z',
          until: '2020-01-11T10:30:45.154Z',
          limit: 25,
          ascending: true,
        },
      },
    });
  });

  it('defaults to every Statement, newest first, server page size, exact format (Communication 2.1.3.s1)', () => {
    expect(parseStatementQuery({})).toMatchObject({
      ok: true,
      query: { kind: 'list', format: 'exact', attachments: false, filter: { limit: 0, ascending: false, relatedActivities: false, relatedAgents: false } },
    });
  });

  it('XAPI-00012: validates values like the same values in a Statement (Data 2.2.s4.b4)', () => {
    const parse = parseStatementQuery({
      verb: 'not an iri',
      activity: 'also not',
      registration: 'nope',
      since: '01/011/2015',
      limit: '-1',
      ascending: 'yes',
      format: 'IDS',
      attachments: 'TRUE',
    });
    expect(errorPaths(parse).sort()).toEqual(['activity', 'ascending', 'attachments', 'format', 'limit', 'registration', 'since', 'verb']);
  });

  it('XAPI-00181: agent must be JSON for an Agent or Identified Group', () => {
    expect(errorPaths(parseStatementQuery({ agent: 'mailto:ada@example.com' }))).toEqual(['agent']);
    expect(errorPaths(parseStatementQuery({ agent: JSON.stringify({ objectType: 'Agent', name: 'x' }) }))).toEqual(['agent']);
    expect(errorPaths(parseStatementQuery({ agent: JSON.stringify({ objectType: 'Group', member: [{ mbox: 'mailto:a@b.c' }] }) }))).toEqual(['agent']);
    expect(parseStatementQuery({ agent: JSON.stringify({ objectType: 'Group', mbox: 'mailto:team@example.com' }) }).ok).toBe(true);
  });

  it('rejects unknown parameters and parameters in the wrong case (Communication 3.2.s3.b7-b8)', () => {
    const parse = parseStatementQuery({ statementID: ID, foo: 'bar' });
    expect(parse.ok ? [] : parse.errors).toEqual([
      { path: 'statementID', message: 'parameter names are case-sensitive: use "statementId"' },
      { path: 'foo', message: 'is not a parameter of this resource' },
    ]);
  });

  it('rejects a parameter given twice', () => {
    expect(errorPaths(parseStatementQuery({ verb: ['http://a.example/v', 'http://b.example/v'] }))).toEqual(['verb']);
  });

  it("passes the hub's own parameters through when declared", () => {
    expect(parseStatementQuery({ cursor: 'abc', limit: '2' }, { extraParams: ['cursor'] })).toMatchObject({ ok: true, extra: { cursor: 'abc' } });
  });
});
