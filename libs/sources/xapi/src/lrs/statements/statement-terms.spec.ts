import { extractStatementIndex } from '../../statements/statement-index.extractor.js';
import type { Statement } from '../../statements/statement.types.js';
import { filterTerms, statementMatchTerms } from './statement-terms.js';

const statement: Statement = {
  actor: { mbox: 'mailto:Max@Example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'urn:course:1', objectType: 'Activity' },
  context: {
    registration: 'EC531277-B57B-4C15-8D91-D292C5B2B8F7',
    instructor: { mbox: 'mailto:teacher@example.com' },
    contextActivities: { parent: [{ id: 'urn:program:7' }] },
  },
  authority: { account: { homePage: 'https://hub.example', name: 'client-1' } },
};

const base = { relatedActivities: false, relatedAgents: false, limit: 0, ascending: false };

describe('statement match terms (Communication 2.1.3 filters)', () => {
  const terms = statementMatchTerms(extractStatementIndex(statement));

  it('lets every filter find the Statement through one terms set', () => {
    const filters = [
      { agent: { mbox: 'mailto:Max@example.com' } },
      { verb: 'http://adlnet.gov/expapi/verbs/completed' },
      { activity: 'urn:course:1' },
      { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
      { activity: 'urn:program:7', relatedActivities: true },
      { agent: { mbox: 'mailto:teacher@example.com' }, relatedAgents: true },
      { agent: { account: { homePage: 'https://hub.example', name: 'client-1' } }, relatedAgents: true },
      { agent: { mbox: 'mailto:Max@example.com' }, verb: 'http://adlnet.gov/expapi/verbs/completed', activity: 'urn:course:1' },
    ];
    for (const filter of filters) expect(terms).toEqual(expect.arrayContaining(filterTerms({ ...base, ...filter })));
  });

  it('does not match related agents and activities unless related_* is true', () => {
    for (const filter of [{ activity: 'urn:program:7' }, { agent: { mbox: 'mailto:teacher@example.com' } }]) {
      const required = filterTerms({ ...base, ...filter });
      expect(required.every((t) => terms.includes(t))).toBe(false);
    }
  });

  it('keeps IRIs case-sensitive and email local parts as sent', () => {
    expect(filterTerms({ ...base, verb: 'http://adlnet.gov/expapi/verbs/Completed' }).every((t) => terms.includes(t))).toBe(false);
    expect(filterTerms({ ...base, agent: { mbox: 'mailto:max@example.com' } }).every((t) => terms.includes(t))).toBe(false);
  });
});
