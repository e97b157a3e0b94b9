import { result, statement, subStatement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const r = validateStatement(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const withResult = (value: unknown) => withValue(statement(), 'result', value);
const withScore = (score: unknown) => withResult({ ...result(), score });
const accepts = (input: unknown): void => expect(errorsOf(input)).toEqual([]);
const rejectsAt = (input: unknown, path: string): void =>
  expect(errorsOf(input).some((e) => e.startsWith(`${path}:`))).toBe(true);

describe('Result (Data 2.4.5)', () => {
  it('accepts a full Result, in a Statement and in a SubStatement', () => {
    accepts(withResult(result()));
    accepts(withValue(statement(), 'object', { ...subStatement(), result: result() }));
  });

  it('XAPI-00079: score must be an object', () => {
    rejectsAt(withScore(12345), 'result.score');
    rejectsAt(withScore('should fail'), 'result.score');
  });

  it('XAPI-00083: scaled is a number between -1 and 1 inclusive', () => {
    accepts(withScore({ scaled: 1.0 }));
    accepts(withScore({ scaled: -1.0 }));
    accepts(withScore({ scaled: 0.6767676 }));
    rejectsAt(withScore({ scaled: 1.01 }), 'result.score.scaled');
    rejectsAt(withScore({ scaled: -1.00001 }), 'result.score.scaled');
  });

  it('XAPI-00082: raw lies between min and max where they are given', () => {
    accepts(withScore({ raw: 0.6767676 }));
    rejectsAt(withScore({ raw: 0.67, max: 0.65 }), 'result.score.raw');
    rejectsAt(withScore({ raw: 0.67, min: 1.4 }), 'result.score.raw');
  });

  it('XAPI-00080/XAPI-00081: min is less than max', () => {
    accepts(withScore({ min: 0.6767676 }));
    accepts(withScore({ max: 100.6767676 }));
    rejectsAt(withScore({ min: 0.67, max: 0.6699679, raw: 0.6699967 }), 'result.score.min');
  });

  it('XAPI-00006: score values must be numbers, not strings', () => {
    rejectsAt(withScore({ max: 'one hundred' }), 'result.score.max');
    rejectsAt(withScore({ raw: '100' }), 'result.score.raw');
  });

  it('success and completion must be booleans, response a string', () => {
    rejectsAt(withResult({ success: 'We regret to inform you that your effort was unsuccessful.' }), 'result.success');
    rejectsAt(withResult({ completion: 'false' }), 'result.completion');
    rejectsAt(withResult({ response: 42 }), 'result.response');
  });

  it('XAPI-00077: duration must be an ISO 8601 duration', () => {
    accepts(withResult({ duration: 'PT4H35M59.14S' }));
    for (const duration of ['should fail', 12345, { key: 'invalid' }, 'PA1H0M0S']) {
      rejectsAt(withResult({ duration }), 'result.duration');
    }
    rejectsAt(withValue(statement(), 'object', { ...subStatement(), result: { duration: 'PA1H0M0S' } }), 'object.result.duration');
  });

  it('XAPI-00118-XAPI-00120: extensions are an object with IRI keys, any values', () => {
    accepts(withResult({ extensions: { 'http://example.com/ex': true } }));
    accepts(withResult({ extensions: { 'http://example.com/ex': { key: 'valid' } } }));
    rejectsAt(withResult({ extensions: { 'should fail': true } }), 'result.extensions.should fail');
    rejectsAt(withResult({ extensions: 'should fail' }), 'result.extensions');
  });

  it('rejects properties a Result or Score does not have', () => {
    rejectsAt(withResult({ RESULT: true }), 'result.RESULT');
    rejectsAt(withScore({ percent: 50 }), 'result.score.percent');
  });
});
