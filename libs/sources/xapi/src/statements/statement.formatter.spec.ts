import { activity, agent, anonymousGroup, choiceActivity, identifiedGroup, statement, subStatement, withValue } from '../fixtures/statement-templates.fixture.js';
import { formatStatement } from './statement.formatter.js';
import type { Statement } from './statement.types.js';

const s = (value: Record<string, unknown>) => value as unknown as Statement;

describe('format=exact (Communication 2.1.3.s1.table1.row12, XAPI-00170)', () => {
  it('returns the Statement as stored', () => {
    const input = s(statement());
    expect(formatStatement(input, 'exact')).toBe(input);
  });
});

describe('format=ids (XAPI-00171)', () => {
  it('keeps only the minimum that identifies Agents, Activities (the id alone) and Verbs (Communication 2.1.3.s1.table1.row12)', () => {
    const out = formatStatement(s({ ...statement(), authority: agent() }), 'ids');
    expect(out.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:ada@example.com' });
    expect(out.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/attempted' });
    expect(out.object).toEqual({ id: 'https://courses.example.com/algebra/quiz-1' });
    expect(out.authority).toEqual({ objectType: 'Agent', mbox: 'mailto:ada@example.com' });
  });

  it('identifies an Identified Group by its identifier and an Anonymous Group by its members', () => {
    expect(formatStatement(s(withValue(statement(), 'actor', { ...identifiedGroup(), member: [agent()] })), 'ids').actor).toEqual({
      objectType: 'Group',
      account: { homePage: 'https://lms.example.com', name: 'team-blue' },
    });
    expect(formatStatement(s(withValue(statement(), 'actor', anonymousGroup())), 'ids').actor).toEqual(anonymousGroup());
  });

  it('applies to context and SubStatements too', () => {
    const input = withValue(
      withValue(statement(), 'object', { ...subStatement(), object: activity() }),
      'context',
      { instructor: agent(), contextActivities: { parent: [activity()] } },
    );
    const out = formatStatement(s(input), 'ids');
    expect(out.context?.contextActivities?.parent).toEqual([{ id: 'https://courses.example.com/algebra/quiz-1' }]);
    expect(out.context?.instructor).toEqual({ objectType: 'Agent', mbox: 'mailto:ada@example.com' });
    expect(out.object).toMatchObject({ objectType: 'SubStatement' });
    expect((out.object as unknown as { object: Record<string, unknown> }).object).toEqual({ id: 'https://courses.example.com/algebra/quiz-1' });
    expect((out.object as unknown as { object: Record<string, unknown> }).object['definition']).toBeUndefined();
  });
});

describe('format=canonical (XAPI-00169, XAPI-00172, Communication 2.1.3.s4)', () => {
  const withCategory = withValue(statement(), 'context', { contextActivities: { category: [activity()] } });

  it('keeps one language per map, chosen by Accept-Language, in Verbs and Activities', () => {
    const out = formatStatement(s(withCategory), 'canonical', { acceptLanguage: 'en-GB' });
    expect(out.verb.display).toEqual({ 'en-US': 'attempted' });
    const category = (out.context?.contextActivities?.category as { definition: { name: object; description: object } }[])[0];
    expect(category?.definition.name).toEqual({ 'en-GB': 'Quiz one' });
    expect(category?.definition.description).toEqual({ 'en-GB': 'The first quiz (GB)' });
    expect(formatStatement(s(withCategory), 'canonical', { acceptLanguage: 'de' }).verb.display).toEqual({ 'de-DE': 'versucht' });
  });

  it('filters interaction component descriptions too', () => {
    const input = withValue(statement(), 'object', withValue(choiceActivity(), 'definition.choices[0].description', { en: 'One', de: 'Eins' }));
    const out = formatStatement(s(input), 'canonical', { acceptLanguage: 'de' });
    expect((out.object as { definition: { choices: unknown[] } }).definition.choices[0]).toEqual({ id: 'a', description: { de: 'Eins' } });
  });

  it("uses the LRS's canonical Activity definition and Verb display when it has them", () => {
    const out = formatStatement(s(statement()), 'canonical', {
      activityDefinition: () => ({ name: { en: 'Canonical quiz', fr: 'Quiz canonique' } }),
      verbDisplay: () => ({ fr: 'a essayé' }),
      acceptLanguage: 'fr',
    });
    expect(out.object).toEqual({ objectType: 'Activity', id: 'https://courses.example.com/algebra/quiz-1', definition: { name: { fr: 'Quiz canonique' } } });
    expect(out.verb.display).toEqual({ fr: 'a essayé' });
  });

  it('returns Agents and Groups exactly and leaves the input untouched', () => {
    const input = s(withValue(statement(), 'actor', { ...identifiedGroup(), member: [agent()] }));
    const before = structuredClone(input);
    const out = formatStatement(input, 'canonical', { acceptLanguage: 'en' });
    expect(out.actor).toEqual(input.actor);
    expect(input).toEqual(before);
  });
});
