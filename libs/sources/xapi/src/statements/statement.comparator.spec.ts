import { anonymousGroup, context, statement, subStatement, withValue } from '../fixtures/statement-templates.fixture.js';
import { statementsEquivalent } from './statement.comparator.js';
import { prepareStatement } from './statement.preparer.js';
import type { Statement } from './statement.types.js';

describe('Statement Comparison Requirements (Data 2.3.1.s9)', () => {
  it('matches a Statement with itself as stored by the LRS: stored, authority, version, default timestamp, array context activities', () => {
    const sent = withValue(withValue(statement(), 'timestamp', undefined), 'context', context());
    const stored = prepareStatement(sent as unknown as Statement, {
      authority: { mbox: 'mailto:lrs@example.com' },
      now: new Date('2024-05-01T00:00:00Z'),
    });
    expect(statementsEquivalent(sent, stored)).toBe(true);
  });

  it('ignores the serialisation of timestamps but not the instant (Data 2.3.1.b4)', () => {
    const a = withValue(statement(), 'timestamp', '2024-03-01T10:15:00.123+01:00');
    expect(statementsEquivalent(a, withValue(statement(), 'timestamp', '2024-03-01T09:15:00.123Z'))).toBe(true);
    expect(statementsEquivalent(a, withValue(statement(), 'timestamp', '2024-03-01T09:15:00.124Z'))).toBe(false);
  });

  it('ignores Activity Definitions and Verb display, which are not part of the Statement (Data 2.3.1.b2-b3)', () => {
    const changed = withValue(withValue(statement(), 'object.definition', { name: { en: 'Renamed' } }), 'verb.display', { en: 'tried' });
    expect(statementsEquivalent(statement(), changed)).toBe(true);
  });

  it('ignores the order of Group members (Data 2.3.1.b5)', () => {
    const group = anonymousGroup();
    const reversed = { ...group, member: [...(group['member'] as unknown[])].reverse() };
    expect(statementsEquivalent(withValue(statement(), 'actor', group), withValue(statement(), 'actor', reversed))).toBe(true);
  });

  it('ignores attachments and the case of UUIDs and email domains (Data 2.3.1.b6-b7)', () => {
    const other = withValue(withValue(statement(), 'id', 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0'), 'actor.mbox', 'mailto:ada@EXAMPLE.com');
    expect(statementsEquivalent(statement(), { ...other, attachments: [] })).toBe(true);
    expect(statementsEquivalent(statement(), withValue(statement(), 'actor.mbox', 'mailto:ADA@example.com'))).toBe(false);
  });

  it('ignores Duration precision below 0.01 s but compares Durations as strings otherwise (Data 2.3.1.b8, 4.6.s1.b5)', () => {
    const a = withValue(statement(), 'result', { duration: 'PT1.234S' });
    expect(statementsEquivalent(a, withValue(statement(), 'result', { duration: 'PT1.23S' }))).toBe(true);
    expect(statementsEquivalent(withValue(statement(), 'result', { duration: 'PT60S' }), withValue(statement(), 'result', { duration: 'PT1M' }))).toBe(false);
  });

  it('does not ignore anything else: a different verb, object, result or context is a conflict', () => {
    expect(statementsEquivalent(statement(), withValue(statement(), 'verb.id', 'https://example.com/other'))).toBe(false);
    expect(statementsEquivalent(statement(), withValue(statement(), 'object.id', 'https://example.com/other'))).toBe(false);
    expect(statementsEquivalent(statement(), withValue(statement(), 'result', { success: true }))).toBe(false);
    expect(statementsEquivalent(statement(), withValue(statement(), 'id', '11111111-1111-4111-8111-111111111111'))).toBe(false);
  });

  it('compares SubStatements, including their timestamps as instants', () => {
    const a = withValue(statement(), 'object', { ...subStatement(), timestamp: '2030-01-01T01:00:00+01:00' });
    expect(statementsEquivalent(a, withValue(statement(), 'object', { ...subStatement(), timestamp: '2030-01-01T00:00:00Z' }))).toBe(true);
    expect(statementsEquivalent(a, withValue(statement(), 'object', subStatement()))).toBe(false);
  });
});
