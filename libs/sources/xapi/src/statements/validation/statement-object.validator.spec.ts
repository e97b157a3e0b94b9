import { activity, agent, choiceActivity, identifiedGroup, statement, subStatement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const result = validateStatement(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};
const accepts = (input: unknown): void => expect(errorsOf(input)).toEqual([]);
const rejectsAt = (input: unknown, path: string): void =>
  expect(errorsOf(input).some((e) => e.startsWith(`${path}:`))).toBe(true);
const withObject = (object: unknown) => withValue(statement(), 'object', object);
const withDefinition = (definition: unknown) => withObject({ id: 'https://example.com/a', definition });

describe('Statement object (Data 2.4.4)', () => {
  it('XAPI-00046: rejects an objectType outside Activity, Agent, Group, SubStatement, StatementRef, case included', () => {
    for (const objectType of ['activity', 'agent', 'group', 'statementref', 'substatement', 'Person']) {
      rejectsAt(withObject({ ...activity(), objectType }), 'object.objectType');
    }
  });

  it('accepts an Activity without objectType: objectType defaults to Activity (Data 2.4.4.s2)', () => {
    accepts(withObject({ id: 'http://www.example.com/meetings/occurances/34534' }));
  });

  it('XAPI-00065: rejects an Agent or Group object without objectType (Data 2.4.4.2.s1.b1)', () => {
    const { objectType: _a, ...anAgent } = agent();
    const { objectType: _g, ...aGroup } = identifiedGroup();
    rejectsAt(withObject(anAgent), 'object.objectType');
    rejectsAt(withObject(aGroup), 'object.objectType');
  });

  it('accepts Agents and Groups as object when they say so', () => {
    accepts(withObject(agent()));
    accepts(withObject(identifiedGroup()));
  });

  it('XAPI-00072/XAPI-00073: a StatementRef needs objectType "StatementRef" and a UUID id (Data 2.4.4.3.s4)', () => {
    accepts(withObject({ objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' }));
    rejectsAt(withObject({ objectType: 'StatementRef' }), 'object.id');
    rejectsAt(withObject({ objectType: 'StatementRef', id: 12345 }), 'object.id');
    rejectsAt(withObject({ objectType: 'StatementRef', id: 'AA97B177-9383-4934-8543-0F91A7A028368' }), 'object.id');
    rejectsAt(withValue(statement(), 'object', { ...subStatement(), object: { objectType: 'StatementRef', id: 'MA97B177-9383-4934-8543-0F91A7A02836' } }), 'object.object.id');
  });
});

describe('Activities (Data 2.4.4.1)', () => {
  it('XAPI-00047: an Activity needs an IRI id', () => {
    rejectsAt(withObject({ objectType: 'Activity' }), 'object.id');
    rejectsAt(withObject({ id: 'ab=c://should.fail.com' }), 'object.id');
    rejectsAt(withValue(statement(), 'object', { ...subStatement(), object: { id: 'not an iri' } }), 'object.object.id');
  });

  it('accepts an opaque URN as Activity id, as the imc partner sends', () => {
    accepts(withObject({ id: 'urn:partnernamespace:objecttype:objectid', objectType: 'Activity' }));
  });

  it('XAPI-00048: the definition must be an object', () => {
    rejectsAt(withDefinition('should error'), 'object.definition');
  });

  it('XAPI-00056/XAPI-00059: name and description must be Language Maps', () => {
    rejectsAt(withDefinition({ name: 'should error' }), 'object.definition.name');
    rejectsAt(withDefinition({ description: 12345 }), 'object.definition.description');
    rejectsAt(withDefinition({ name: { 'de-419-DE': 'x' } }), 'object.definition.name.de-419-DE');
  });

  it('XAPI-00060/XAPI-00061: type must be an IRI and moreInfo an IRL', () => {
    rejectsAt(withDefinition({ type: 'should error' }), 'object.definition.type');
    rejectsAt(withDefinition({ moreInfo: 'should error' }), 'object.definition.moreInfo');
  });

  it('XAPI-00057: extensions must be an object with IRI keys', () => {
    rejectsAt(withDefinition({ extensions: 'should error' }), 'object.definition.extensions');
    rejectsAt(withDefinition({ extensions: { id: 'valid', description: { 'en-US': 'x' } } }), 'object.definition.extensions.id');
  });

  it('rejects a property an Activity Definition does not have', () => {
    rejectsAt(withDefinition({ name: { en: 'x' }, title: 'x' }), 'object.definition.title');
  });
});

describe('Interaction Activities (Data 2.4.4.1.s8-s16)', () => {
  const interaction = (definition: Record<string, unknown>) =>
    withObject({ id: 'https://example.com/q', definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', ...definition } });

  it.each([
    ['true-false', { correctResponsesPattern: ['true'] }],
    ['choice', { choices: [{ id: 'a' }, { id: 'b' }], correctResponsesPattern: ['a'] }],
    ['fill-in', { correctResponsesPattern: ['{case_matters=false}Bob'] }],
    ['long-fill-in', { correctResponsesPattern: ['a long answer'] }],
    ['matching', { source: [{ id: 's1' }], target: [{ id: 't1' }], correctResponsesPattern: ['s1[.]t1'] }],
    ['performance', { steps: [{ id: 'step1' }], correctResponsesPattern: ['step1[.]5'] }],
    ['sequencing', { choices: [{ id: 'x' }, { id: 'y' }], correctResponsesPattern: ['x[,]y'] }],
    ['likert', { scale: [{ id: 'l1', description: { en: 'OK' } }], correctResponsesPattern: ['l1'] }],
    ['numeric', { correctResponsesPattern: ['4[:]'] }],
    ['other', { correctResponsesPattern: ['(35.9,-86.8)'] }],
  ])('XAPI-00049: accepts interactionType "%s"', (interactionType, rest) => {
    accepts(interaction({ interactionType, ...rest }));
  });

  it('accepts an interaction without component lists or correct responses: they are optional', () => {
    accepts(interaction({ interactionType: 'likert' }));
  });

  it('XAPI-00009/XAPI-00049: rejects an interactionType in the wrong case, or not a known string', () => {
    for (const interactionType of ['true-faLse', 'choiCe', 'Other', 12345, { x: 1 }, 'http://example.com/choice']) {
      rejectsAt(interaction({ interactionType }), 'object.definition.interactionType');
    }
  });

  it.each(['correctResponsesPattern', 'choices', 'scale', 'source', 'target', 'steps'])(
    'XAPI-00064: requires interactionType when %s is used',
    (property) => {
      const value = property === 'correctResponsesPattern' ? ['a'] : [{ id: 'a' }];
      rejectsAt(interaction({ [property]: value }), 'object.definition.interactionType');
    },
  );

  it('rejects a component list the interactionType does not use (Data 2.4.4.1.s13.b3)', () => {
    rejectsAt(interaction({ interactionType: 'true-false', choices: [{ id: 'a' }] }), 'object.definition.choices');
    rejectsAt(interaction({ interactionType: 'likert', steps: [{ id: 'a' }] }), 'object.definition.steps');
  });

  it('rejects repeated component ids within one list (Data 2.4.4.1.s16.b1)', () => {
    rejectsAt(interaction({ interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] }), 'object.definition.choices[1].id');
  });

  it('checks components: an id string, a Language Map description, nothing else', () => {
    rejectsAt(interaction({ interactionType: 'choice', choices: [{ description: { en: 'x' } }] }), 'object.definition.choices[0].id');
    rejectsAt(interaction({ interactionType: 'choice', choices: [{ id: 'a', description: { a12345: 'x' } }] }), 'object.definition.choices[0].description.a12345');
    rejectsAt(interaction({ interactionType: 'choice', choices: [{ id: 'a', label: 'x' }] }), 'object.definition.choices[0].label');
  });

  it('requires correctResponsesPattern to be an array of strings', () => {
    rejectsAt(interaction({ interactionType: 'choice', correctResponsesPattern: 'a' }), 'object.definition.correctResponsesPattern');
    rejectsAt(interaction({ interactionType: 'choice', correctResponsesPattern: [1] }), 'object.definition.correctResponsesPattern[0]');
  });

  it('accepts the choice interaction template', () => {
    accepts(withObject(choiceActivity()));
  });
});
