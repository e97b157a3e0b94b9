import { agent, anonymousGroup, context, identifiedGroup, statement, subStatement, withValue } from '../fixtures/statement-templates.fixture.js';
import { agentKey, extractStatementIndex, isVoidingStatement } from './statement-index.extractor.js';
import type { Statement } from './statement.types.js';

const index = (value: Record<string, unknown>) => extractStatementIndex(value as unknown as Statement);

describe('extractStatementIndex (the GET /statements filters, Communication 2.1.3)', () => {
  it('indexes actor, verb, activity and registration', () => {
    expect(index(withValue(statement(), 'context', context()))).toMatchObject({
      verbId: 'http://adlnet.gov/expapi/verbs/attempted',
      agents: ['mbox:mailto:ada@example.com'],
      activity: 'https://courses.example.com/algebra/quiz-1',
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
    });
  });

  it('matches Groups through their members for the agent filter (Communication 2.1.3.s1.table1.row3)', () => {
    const keys = index(withValue(statement(), 'actor', { ...identifiedGroup(), member: [agent()] })).agents;
    expect(keys).toEqual(['account:["https://lms.example.com","team-blue"]', 'mbox:mailto:ada@example.com']);
  });

  it('collects related agents: authority, instructor, team, and those inside a SubStatement (table1.row8)', () => {
    const s: Record<string, unknown> = { ...withValue(statement(), 'context', context()), authority: { mbox: 'mailto:lrs@example.com' } };
    s['object'] = { ...subStatement(), actor: anonymousGroup(), context: { instructor: { mbox: 'mailto:sub@example.com' } } };
    const related = index(s).relatedAgents;
    for (const key of ['mbox:mailto:teacher@example.com', 'mbox:mailto:lrs@example.com', 'openid:https://openid.example.org/bob', 'mbox:mailto:sub@example.com']) {
      expect(related).toContain(key);
    }
  });

  it('collects related activities: object, context activities, and SubStatement ones (table1.row7)', () => {
    const s = withValue(statement(), 'context', context());
    s['object'] = { ...subStatement(), context: { contextActivities: { grouping: { id: 'https://example.com/g' } } } };
    expect(index(s).relatedActivities.sort()).toEqual([
      'https://courses.example.com/algebra',
      'https://example.com/g',
      'https://example.com/website',
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
    ]);
    expect(index(s).activity).toBeUndefined();
  });

  it('links a StatementRef target, and names the voided Statement of a voiding Statement (Data 2.3.2, Communication 2.1.3.s3)', () => {
    const ref = withValue(statement(), 'object', { objectType: 'StatementRef', id: 'E05AA883-ACAF-40AD-BF54-02C8CE485FB0' });
    expect(index(ref)).toMatchObject({ targetStatementId: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' });
    expect(index(ref).voidedStatementId).toBeUndefined();
    const voiding = withValue(ref, 'verb', { id: 'http://adlnet.gov/expapi/verbs/voided' });
    expect(index(voiding).voidedStatementId).toBe('e05aa883-acaf-40ad-bf54-02c8ce485fb0');
    expect(isVoidingStatement(voiding as unknown as Statement)).toBe(true);
  });

  it('keys Agents by identifier, with case-insensitive email domains', () => {
    expect(agentKey({ mbox: 'mailto:Ada@EXAMPLE.com' })).toBe('mbox:mailto:Ada@example.com');
    expect(agentKey({ mbox_sha1sum: 'CD9B00A5611F94EAA7B1661EDAB976068E364975' })).toBe('mbox_sha1sum:cd9b00a5611f94eaa7b1661edab976068e364975');
    expect(agentKey({ objectType: 'Group', member: [agent() as never] })).toBeUndefined();
  });
});
