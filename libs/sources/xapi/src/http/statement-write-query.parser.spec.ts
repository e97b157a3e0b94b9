import { parseStatementWriteQuery } from './statement-write-query.parser.js';

const ID = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';

describe('PUT/POST /statements parameters (Communication 2.1.1-2.1.2)', () => {
  it('XAPI-00144: PUT takes a UUID statementId', () => {
    expect(parseStatementWriteQuery('PUT', { statementId: ID.toUpperCase() })).toEqual({ ok: true, statementId: ID, extra: {} });
  });

  it('XAPI-00145: rejects PUT without statementId, or with one that is not a UUID (true, [object Object])', () => {
    for (const query of [{}, { statementId: 'true' }, { statementId: '[object Object]' }, { statementId: [ID, ID] }]) {
      expect(parseStatementWriteQuery('PUT', query).ok).toBe(false);
    }
  });

  it('POST takes no xAPI parameter; statementId on POST is refused', () => {
    expect(parseStatementWriteQuery('POST', {})).toEqual({ ok: true, extra: {} });
    expect(parseStatementWriteQuery('POST', { statementId: ID }).ok).toBe(false);
  });

  it('rejects unknown and mis-cased parameters, and passes the declared hub parameters through', () => {
    const misCased = parseStatementWriteQuery('PUT', { statementID: ID });
    expect(misCased.ok ? [] : misCased.errors.map((e) => e.path)).toEqual(['statementID', 'statementId']);
    expect(parseStatementWriteQuery('POST', { igsClientId: 'partner123' }, { extraParams: ['igsClientId'] })).toEqual({
      ok: true,
      extra: { igsClientId: 'partner123' },
    });
  });
});
