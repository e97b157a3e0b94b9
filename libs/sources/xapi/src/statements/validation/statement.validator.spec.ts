import { IMC_COMPLETED_STATEMENT } from '../../fixtures/imc-completed-statement.fixture.js';
import { agent, statement, subStatement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement, validateStatements } from './statement.validator.js';

const accepts = (input: unknown): void => {
  const result = validateStatement(input);
  expect(result.ok ? [] : result.errors).toEqual([]);
};
const rejects = (input: unknown, path?: string): void => {
  const result = validateStatement(input);
  expect(result.ok).toBe(false);
  if (!result.ok && path !== undefined) expect(result.errors.map((e) => e.path)).toContain(path);
};

describe('Statement validation: formatting requirements (Data 2.2)', () => {
  it('accepts a complete valid Statement', () => {
    accepts(statement());
  });

  it('accepts the imc partner seed Statement with its lower-case zone letter', () => {
    accepts(IMC_COMPLETED_STATEMENT);
  });

  it('XAPI-00003/4/5: rejects a Statement without "actor", "verb" or "object" (Data 2.2.s2.b3)', () => {
    for (const key of ['actor', 'verb', 'object']) rejects(withValue(statement(), key, undefined), key);
  });

  it('XAPI-00001: rejects null anywhere outside extensions (Data 2.2.s4.b1.b1)', () => {
    rejects(withValue(statement(), 'actor.name', null), 'actor.name');
    rejects(withValue(statement(), 'verb.display.en-US', null), 'verb.display.en-US');
    rejects(withValue(statement(), 'object.definition.moreInfo', null), 'object.definition.moreInfo');
    rejects(withValue(statement(), 'context', { registration: null }), 'context.registration');
  });

  it('XAPI-00001: accepts null and empty values inside extensions (Data 4.1.s3.b2)', () => {
    accepts(withValue(statement(), 'result', { extensions: { 'http://example.com/null': null, 'http://example.com/e': {} } }));
    accepts(withValue(statement(), 'context', { extensions: {} }));
  });

  it('XAPI-00001: rejects an empty object where a value is expected', () => {
    rejects(withValue(statement(), 'result', {}), 'result');
  });

  it('XAPI-00006: rejects strings where numbers or booleans are required, even numeric-looking ones (Data 2.2.s4.b1.b2-b3)', () => {
    rejects(withValue(statement(), 'result', { score: { max: '100' } }), 'result.score.max');
    rejects(withValue(statement(), 'result', { completion: 'false' }), 'result.completion');
  });

  it('XAPI-00007: rejects an id that is not a UUID in standard form (Data 2.2.s4.b1.b4, Data 2.4.1)', () => {
    for (const id of [12345, { key: 'x' }, 'AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', '']) {
      rejects(withValue(statement(), 'id', id), 'id');
    }
  });

  it('XAPI-00008: rejects keys whose case differs from the specification (Data 2.2.s4.b1.b5)', () => {
    for (const [good, bad] of [
      ['id', 'iD'],
      ['actor', 'Actor'],
      ['verb', 'veRb'],
      ['object', 'oBject'],
      ['timestamp', 'timeStamp'],
    ] as const) {
      const s = statement();
      s[bad] = s[good];
      delete s[good];
      const result = validateStatement(s);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.find((e) => e.path === bad)?.message).toContain(`use "${good}"`);
    }
  });

  it('XAPI-00010: rejects a property the specification does not allow (Data 2.2.s4.b1.b7, s4.b8)', () => {
    rejects({ ...statement(), objectType: 'Statement' }, 'objectType');
    rejects(withValue(statement(), 'actor.homePage', 'https://example.com'), 'actor.homePage');
  });

  it('XAPI-00014: rejects an objectType that holds a JSON fragment instead of a value', () => {
    rejects(withValue(statement(), 'actor.objectType', '"objectType": "Agent"'), 'actor.objectType');
  });

  it('reports every problem at once, each with its path', () => {
    const result = validateStatement({ ...withValue(statement(), 'id', 'nope'), verb: { id: 'not an iri' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(['id', 'verb.id']);
  });

  it('rejects a body that is not a JSON object', () => {
    rejects('a string', '');
    rejects([statement()], '');
  });
});

describe('Statement validation: id, timestamp, stored, version (Data 2.4)', () => {
  it('accepts a Statement without id: the LRS assigns one (Data 2.4.1.s2.b1)', () => {
    accepts(withValue(statement(), 'id', undefined));
  });

  it('rejects a PUT body whose id differs from statementId (Communication 2.1.1.s3.b3)', () => {
    const result = validateStatement(statement(), { expectedId: '11111111-1111-4111-8111-111111111111' });
    expect(result.ok).toBe(false);
    expect(validateStatement(statement(), { expectedId: 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0' }).ok).toBe(true);
  });

  it('XAPI-00022/XAPI-00123: rejects an invalid timestamp, and accepts one in the future (Data 2.4.7.s3.b6)', () => {
    rejects(withValue(statement(), 'timestamp', 'should fail'), 'timestamp');
    rejects(withValue(statement(), 'timestamp', '01/011/2015'), 'timestamp');
    rejects(withValue(statement(), 'timestamp', '2008-09-15T15:53:00.601-00:00'), 'timestamp');
    accepts(withValue(statement(), 'timestamp', '2199-01-01T00:00:00.000Z'));
  });

  it('XAPI-00097: accepts a submitted "stored" (it is overwritten later) but validates it (Data 2.4.8.s3.b2)', () => {
    accepts(withValue(statement(), 'stored', '2011-07-15T00:00:00.000Z'));
    rejects(withValue(statement(), 'stored', 'yesterday'), 'stored');
  });

  it('XAPI-00101: accepts version "1.0" and "1.0.x" and rejects anything else (Data 2.4.10)', () => {
    accepts(withValue(statement(), 'version', '1.0'));
    accepts(withValue(statement(), 'version', '1.0.9'));
    for (const version of ['should fail', '0.9.9', '1.1.0']) rejects(withValue(statement(), 'version', version), 'version');
  });
});

describe('Voiding (Data 2.3.2)', () => {
  const voiding = () => ({
    actor: agent(),
    verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' },
  });

  it('XAPI-00019/XAPI-00020: accepts a voiding Statement whose object is a StatementRef', () => {
    accepts(voiding());
  });

  it('XAPI-00017: rejects a voiding Statement whose object is not a StatementRef (Data 2.3.2.s2.b1)', () => {
    rejects(withValue(voiding(), 'object', { id: 'https://example.com/activity' }), 'object');
  });
});

describe('SubStatements (Data 2.4.4.3.s8)', () => {
  it('accepts a SubStatement as object', () => {
    accepts(withValue(statement(), 'object', subStatement()));
  });

  it('a SubStatement is validated as a Statement: actor, verb and object are required (Data 2.4.4.3.s8.b2)', () => {
    for (const key of ['actor', 'verb', 'object']) {
      rejects(withValue(statement(), 'object', withValue(subStatement(), key, undefined)), `object.${key}`);
    }
  });

  it('rejects a SubStatement inside a SubStatement (Data 2.4.4.3.s8.b4)', () => {
    rejects(withValue(statement(), 'object', { ...subStatement(), object: subStatement() }), 'object.object.objectType');
  });

  it.each([
    ['id', 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0'],
    ['stored', '2013-05-18T05:32:34.804Z'],
    ['version', '1.0.0'],
    ['authority', agent()],
  ])('rejects a SubStatement with "%s" (Data 2.4.4.3.s8.b3)', (key, value) => {
    rejects(withValue(statement(), 'object', { ...subStatement(), [key]: value }), `object.${key}`);
  });

  it('rejects a SubStatement with an invalid timestamp but allows a future one (Data 2.4.7.s3.b5)', () => {
    rejects(withValue(statement(), 'object', { ...subStatement(), timestamp: 'should fail' }), 'object.timestamp');
    accepts(withValue(statement(), 'object', { ...subStatement(), timestamp: '2199-01-01T00:00:00Z' }));
  });
});

describe('Statement batches (Communication 2.1.2)', () => {
  it('accepts one Statement or an array of them', () => {
    expect(validateStatements(statement())).toMatchObject({ ok: true, statements: [statement()] });
    expect(validateStatements([statement(), withValue(statement(), 'id', undefined)]).ok).toBe(true);
  });

  it('rejects the whole batch when one Statement is invalid, naming its index (Communication 3.2.s3.b9)', () => {
    const result = validateStatements([statement(), withValue(withValue(statement(), 'id', undefined), 'verb.id', 'should fail')]);
    expect(result).toEqual({ ok: false, errors: [{ path: '[1].verb.id', message: 'must be an IRI' }] });
  });

  it('rejects a batch that repeats a Statement id (Communication 2.1.2.s2.b6)', () => {
    const upper = withValue(statement(), 'id', 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0');
    const result = validateStatements([statement(), upper]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe('[1].id');
  });
});
