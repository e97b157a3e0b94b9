import { statement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const r = validateStatement(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const withDisplay = (display: unknown) => withValue(statement(), 'verb.display', display);

describe('Language Maps (Data 4.2, XAPI-00121) and Verbs (Data 2.4.3)', () => {
  it('accepts valid language tags as keys', () => {
    for (const tag of ['de', 'i-enochian', 'zh-Hant', 'sl-rozaj-biske', 'x-whatever']) {
      expect(errorsOf(withDisplay({ [tag]: 'besucht' }))).toEqual([]);
    }
  });

  it('XAPI-00013: rejects keys whose subtag sequence is not RFC 5646', () => {
    expect(errorsOf(withDisplay({ 'de-419-DE': 'besucht' }))).toEqual(['verb.display.de-419-DE: "de-419-DE" is not an RFC 5646 language tag']);
    expect(errorsOf(withDisplay({ a12345: 'should error' }))).toHaveLength(1);
  });

  it('requires an object with at least one entry and string values', () => {
    expect(errorsOf(withDisplay('should error'))).toHaveLength(1);
    expect(errorsOf(withDisplay({}))).toEqual(['verb.display: must not be an empty object']);
    expect(errorsOf(withDisplay({ en: 5 }))).toEqual(['verb.display.en: must be a string']);
  });

  it('a Verb needs an IRI id and allows only id and display', () => {
    expect(errorsOf(withValue(statement(), 'verb', { display: { en: 'x' } }))).toEqual(['verb.id: is required']);
    expect(errorsOf(withValue(statement(), 'verb.id', 'should fail'))).toEqual(['verb.id: must be an IRI']);
    expect(errorsOf(withValue(statement(), 'verb.name', 'x'))).toHaveLength(1);
  });

  it('accepts a Verb without display', () => {
    expect(errorsOf(withValue(statement(), 'verb.display', undefined))).toEqual([]);
  });
});
