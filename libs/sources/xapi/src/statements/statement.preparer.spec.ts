import { agent, context, statement, subStatement, withValue } from '../fixtures/statement-templates.fixture.js';
import { prepareStatement } from './statement.preparer.js';
import type { Statement } from './statement.types.js';

const NOW = new Date('2024-05-01T12:00:00.123Z');
const AUTHORITY = { objectType: 'Agent' as const, account: { homePage: 'https://hub.example.com/igs/oauth/accesstoken', name: 'client-1' } };
const prepare = (s: Record<string, unknown>, generateId?: () => string) =>
  prepareStatement(s as unknown as Statement, { authority: AUTHORITY, now: NOW, ...(generateId ? { generateId } : {}) });

describe('prepareStatement', () => {
  it('assigns an id when there is none (Data 2.4.1.s2.b1)', () => {
    expect(prepare(withValue(statement(), 'id', undefined), () => 'ABCDEF00-0000-4000-8000-000000000000').id).toBe(
      'abcdef00-0000-4000-8000-000000000000',
    );
    expect(prepare(withValue(statement(), 'id', undefined)).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the given id, in lower case', () => {
    expect(prepare(withValue(statement(), 'id', 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0')).id).toBe('fd41c918-b88b-4b20-a0a5-a4c32391aaa0');
  });

  it('XAPI-00097/XAPI-00023: sets stored to now and overwrites a submitted stored (Data 2.4.8.s3.b2)', () => {
    expect(prepare({ ...statement(), stored: '2011-07-15T00:00:00.000Z' }).stored).toBe('2024-05-01T12:00:00.123Z');
  });

  it('defaults timestamp to stored and keeps a given timestamp exactly as sent (Data 2.4.7.s3.b2)', () => {
    expect(prepare(withValue(statement(), 'timestamp', undefined)).timestamp).toBe('2024-05-01T12:00:00.123Z');
    expect(prepare(withValue(statement(), 'timestamp', '2020-01-11T10:30:45.154z')).timestamp).toBe('2020-01-11T10:30:45.154z');
  });

  it('XAPI-00099: sets authority from the credentials, replacing a submitted one (Data 2.4.9.s3.b3-b4)', () => {
    expect(prepare(statement()).authority).toEqual(AUTHORITY);
    expect(prepare({ ...statement(), authority: agent() }).authority).toEqual(AUTHORITY);
  });

  it('defaults version to 1.0.0 and retains a given version (Data 2.4.10.s3.b3)', () => {
    expect(prepare(statement()).version).toBe('1.0.0');
    expect(prepare({ ...statement(), version: '1.0' }).version).toBe('1.0');
  });

  it('XAPI-00096: returns every contextActivities value as an array, in SubStatements too (Data 2.4.6.2.s4.b3-b4)', () => {
    const prepared = prepare(withValue(statement(), 'context', context()));
    expect(prepared.context?.contextActivities?.parent).toEqual([{ id: 'https://courses.example.com/algebra' }]);
    expect(prepared.context?.contextActivities?.category).toEqual([{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }]);
    const sub = prepare(withValue(statement(), 'object', { ...subStatement(), context: { contextActivities: { other: { id: 'https://example.com/o' } } } }));
    expect(sub.object).toMatchObject({ context: { contextActivities: { other: [{ id: 'https://example.com/o' }] } } });
  });

  it('XAPI-00330: changes nothing else: actor, verb and object are returned exactly (Communication 3.3.s5)', () => {
    const input = withValue(statement(), 'actor', { mbox: 'mailto:Ada@Example.com' });
    const prepared = prepare(input);
    expect(prepared.actor).toEqual(input['actor']);
    expect(prepared.verb).toEqual(input['verb']);
    expect(prepared.object).toEqual(input['object']);
  });

  it('does not modify its input', () => {
    const input = withValue(statement(), 'context', context());
    const copy = structuredClone(input);
    prepare(input);
    expect(input).toEqual(copy);
  });
});
