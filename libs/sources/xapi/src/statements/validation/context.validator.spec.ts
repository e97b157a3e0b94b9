import { agent, context, identifiedGroup, statement, subStatement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const r = validateStatement(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const withContext = (value: unknown) => withValue(statement(), 'context', value);
const accepts = (input: unknown): void => expect(errorsOf(input)).toEqual([]);
const rejectsAt = (input: unknown, path: string): void =>
  expect(errorsOf(input).some((e) => e.startsWith(`${path}:`))).toBe(true);

describe('Context (Data 2.4.6)', () => {
  it('accepts a full Context, in a Statement and in a SubStatement', () => {
    accepts(withContext(context()));
    accepts(withValue(statement(), 'object', { ...subStatement(), context: context() }));
  });

  it('registration must be a UUID (Data 2.4.6.s3.table1.row1)', () => {
    for (const registration of [{ key: 'x' }, 'should fail', 12345, 'AA97B177-9383-4934-8543-0F91A7A028368']) {
      rejectsAt(withContext({ registration }), 'context.registration');
    }
  });

  it('instructor must be an Agent or Group (Data 2.4.6.s3.table1.row2)', () => {
    accepts(withContext({ instructor: identifiedGroup() }));
    rejectsAt(withContext({ instructor: { key: 'should fail' } }), 'context.instructor');
    rejectsAt(withContext({ instructor: 'should fail' }), 'context.instructor');
  });

  it('team must be a Group (Data 2.4.6.s3.table1.row3)', () => {
    rejectsAt(withContext({ team: agent() }), 'context.team.objectType');
    rejectsAt(withContext({ team: { key: 'should fail' } }), 'context.team.objectType');
    rejectsAt(withContext({ team: 'should fail' }), 'context.team');
  });

  it('contextActivities is a non-empty object of parent, grouping, category, other (Data 2.4.6.2.s4.b1)', () => {
    accepts(withContext({ contextActivities: { grouping: { id: 'https://example.com/g' }, other: [{ id: 'https://example.com/o' }] } }));
    rejectsAt(withContext({ contextActivities: 'should fail' }), 'context.contextActivities');
    rejectsAt(withContext({ contextActivities: {} }), 'context.contextActivities');
    rejectsAt(withContext({ contextActivities: { siblings: [{ id: 'https://example.com/s' }] } }), 'context.contextActivities.siblings');
  });

  it('each context activity is a valid Activity, alone or in an array (Data 2.4.6.2.s4.b2)', () => {
    rejectsAt(withContext({ contextActivities: { parent: { id: 'not an iri' } } }), 'context.contextActivities.parent.id');
    rejectsAt(withContext({ contextActivities: { parent: [{ objectType: 'Agent', id: 'https://example.com/a' }] } }), 'context.contextActivities.parent[0].objectType');
  });

  it('revision and platform must be strings (Data 2.4.6.s3.table1.row5-6)', () => {
    rejectsAt(withContext({ revision: 12345 }), 'context.revision');
    rejectsAt(withContext({ platform: { key: 'x' } }), 'context.platform');
  });

  it.each([
    ['Agent', agent()],
    ['Group', identifiedGroup()],
    ['StatementRef', { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' }],
    ['SubStatement', subStatement()],
  ])('rejects revision and platform when the object is a %s (Data 2.4.6.s4.b1-b2)', (_type, object) => {
    const s = withValue(withContext({ revision: 'r1', platform: 'p' }), 'object', object);
    rejectsAt(s, 'context.revision');
    rejectsAt(s, 'context.platform');
  });

  it('applies the revision/platform rule inside a SubStatement too', () => {
    const inner = { ...subStatement(), object: agent(), context: { revision: 'r1' } };
    rejectsAt(withValue(statement(), 'object', inner), 'object.context.revision');
  });

  it('language must be an RFC 5646 language tag string (Data 2.4.6.s3.table1.row7)', () => {
    accepts(withContext({ language: 'de' }));
    rejectsAt(withContext({ language: 12345 }), 'context.language');
    rejectsAt(withContext({ language: { a12345: 'should fail' } }), 'context.language');
    rejectsAt(withContext({ language: 'de-419-DE' }), 'context.language');
  });

  it('statement must be a StatementRef (Data 2.4.6.s3.table1.row8)', () => {
    rejectsAt(withContext({ statement: { objectType: 'statementref', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' } }), 'context.statement.objectType');
    rejectsAt(withContext({ statement: { objectType: 'StatementRef', id: 'should fail' } }), 'context.statement.id');
  });

  it('extensions keys must be IRIs', () => {
    rejectsAt(withContext({ extensions: { 'should fail': 1 } }), 'context.extensions.should fail');
  });

  it('rejects keys in the wrong case', () => {
    rejectsAt(withContext({ conText: 'x', registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' }), 'context.conText');
  });
});
