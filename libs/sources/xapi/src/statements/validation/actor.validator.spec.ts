import { agent, anonymousGroup, identifiedGroup, oauthAuthority, statement, withValue } from '../../fixtures/statement-templates.fixture.js';
import { validateStatement } from './statement.validator.js';

const errorsOf = (input: unknown): string[] => {
  const result = validateStatement(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};
const accepts = (input: unknown): void => expect(errorsOf(input)).toEqual([]);
const rejectsAt = (input: unknown, path: string): void =>
  expect(errorsOf(input).some((e) => e.startsWith(`${path}:`))).toBe(true);

/** Every place an Agent or Group can appear, so each rule is checked everywhere (as the conformance suite does). */
const PLACES: [string, (actor: unknown) => unknown][] = [
  ['actor', (a) => withValue(statement(), 'actor', a)],
  ['object', (a) => withValue(statement(), 'object', a)],
  ['context.instructor', (a) => withValue(statement(), 'context', { instructor: a })],
  ['object.actor', (a) => withValue(statement(), 'object', { objectType: 'SubStatement', actor: a, verb: { id: 'https://example.com/v' }, object: { id: 'https://example.com/a' } })],
];

describe('Agents (Data 2.4.2.1)', () => {
  it.each(PLACES)('accepts an Agent as %s', (_place, place) => accepts(place(agent())));

  it('accepts an actor without objectType: it is an Agent', () => {
    accepts(withValue(statement(), 'actor', { mbox: 'mailto:ada@example.com' }));
  });

  it.each([
    ['mbox', 'mailto:ada@example.com'],
    ['mbox_sha1sum', 'cd9b00a5611f94eaa7b1661edab976068e364975'],
    ['openid', 'http://openid.example.org/12345'],
    ['account', { homePage: 'http://www.example.com', name: '1625378' }],
  ])('accepts an Agent identified only by %s', (key, value) => {
    accepts(withValue(statement(), 'actor', { objectType: 'Agent', [key]: value }));
  });

  it.each(PLACES)('rejects an Agent without inverse functional identifier as %s (Data 2.4.2.1.s2.b1)', (place, at) => {
    rejectsAt(at({ objectType: 'Agent', name: 'Nobody' }), place);
  });

  it('rejects an Agent with two inverse functional identifiers (Data 2.4.2.1.s2.b2)', () => {
    rejectsAt(withValue(statement(), 'actor.openid', 'http://openid.example.org/1'), 'actor');
  });

  it.each(PLACES)('rejects objectType and name that are not strings, or objectType in the wrong case, as %s', (place, at) => {
    rejectsAt(at({ ...agent(), objectType: 123 }), `${place}.objectType`);
    rejectsAt(at({ ...agent(), objectType: 'agent' }), `${place}.objectType`);
    rejectsAt(at({ ...agent(), name: { key: 'value' } }), `${place}.name`);
  });

  it.each([
    ['mailto:should.fail.com', 'an address without @'],
    ['http://should.fail.com', 'another scheme'],
  ])('XAPI-00038: rejects mbox %s (%s)', (mbox) => {
    rejectsAt(withValue(statement(), 'actor.mbox', mbox), 'actor.mbox');
  });

  it('XAPI-00039: rejects an mbox_sha1sum that is not a hex SHA-1 string', () => {
    rejectsAt(withValue(statement(), 'actor', { mbox_sha1sum: { key: 'value' } }), 'actor.mbox_sha1sum');
  });

  it('rejects an openid that is not a URI (Data 2.4.2.3.s3.table1.row3)', () => {
    rejectsAt(withValue(statement(), 'actor', { openid: 'ab=c://should.fail.com' }), 'actor.openid');
  });

  it('an account needs an IRL homePage and a string name, nothing else (Data 2.4.2.4)', () => {
    rejectsAt(withValue(statement(), 'actor', { account: { name: 'x' } }), 'actor.account.homePage');
    rejectsAt(withValue(statement(), 'actor', { account: { homePage: 'ab=c://should.fail.com', name: 'x' } }), 'actor.account.homePage');
    rejectsAt(withValue(statement(), 'actor', { account: { homePage: 'http://www.example.com' } }), 'actor.account.name');
    rejectsAt(withValue(statement(), 'actor', { account: { homePage: 'http://www.example.com', name: { key: 'x' } } }), 'actor.account.name');
    rejectsAt(withValue(statement(), 'actor', { account: { homePage: 'http://www.example.com', name: 'x', id: 1 } }), 'actor.account.id');
  });

  it('XAPI-00035: rejects "member" on an Agent', () => {
    rejectsAt(withValue(statement(), 'actor', { ...agent(), member: [agent()] }), 'actor.member');
  });
});

describe('Groups (Data 2.4.2.2)', () => {
  it.each(PLACES)('accepts an Identified and an Anonymous Group as %s', (_place, at) => {
    accepts(at(identifiedGroup()));
    accepts(at(anonymousGroup()));
  });

  it('accepts an Identified Group with members (Data 2.4.2.2.s5.b4)', () => {
    accepts(withValue(statement(), 'actor', { ...identifiedGroup(), member: [agent()] }));
  });

  it('XAPI-00035: rejects an Anonymous Group without members (Data 2.4.2.2.s4.b1)', () => {
    rejectsAt(withValue(statement(), 'actor', { objectType: 'Group', name: 'Ad hoc' }), 'actor.member');
    rejectsAt(withValue(statement(), 'actor', { objectType: 'Group', member: [] }), 'actor.member');
  });

  it('XAPI-00036: rejects a member property that is not an array of Agents', () => {
    rejectsAt(withValue(statement(), 'actor', { ...identifiedGroup(), member: agent() }), 'actor.member');
    rejectsAt(withValue(statement(), 'actor', { ...identifiedGroup(), member: [{ objectType: 'Agent', name: 'no ifi' }] }), 'actor.member[0]');
  });

  it('rejects a Group among the members (Data 2.4.2.2.s4.b2, s5.b2)', () => {
    rejectsAt(withValue(statement(), 'actor', { ...anonymousGroup(), member: [identifiedGroup()] }), 'actor.member[0]');
  });

  it('XAPI-00037: rejects an Identified Group with more than one inverse functional identifier (Data 2.4.2.2.s5.b1)', () => {
    rejectsAt(withValue(statement(), 'actor', { ...identifiedGroup(), mbox: 'mailto:team@example.com' }), 'actor');
  });

  it('rejects objectType "group" in the wrong case', () => {
    rejectsAt(withValue(statement(), 'actor', { ...identifiedGroup(), objectType: 'group' }), 'actor.objectType');
  });
});

describe('Authority (Data 2.4.9)', () => {
  it('XAPI-00024: accepts an Agent or the OAuth pair of an Anonymous Group as authority', () => {
    accepts(withValue(statement(), 'authority', agent()));
    accepts(withValue(statement(), 'authority', oauthAuthority()));
  });

  it('rejects an authority that is neither Agent nor Group, or an Agent without identifier', () => {
    rejectsAt(withValue(statement(), 'authority', 'admin'), 'authority');
    rejectsAt(withValue(statement(), 'authority', { objectType: 'Agent' }), 'authority');
  });

  it('XAPI-00098/XAPI-00100: rejects a Group authority that is identified or has other than two members (Data 2.4.9.s3.b1)', () => {
    rejectsAt(withValue(statement(), 'authority', { ...oauthAuthority(), mbox: 'mailto:bob@example.com' }), 'authority');
    rejectsAt(withValue(statement(), 'authority', { objectType: 'Group', member: [agent()] }), 'authority');
    const three = oauthAuthority();
    (three['member'] as unknown[]).push({ mbox: 'mailto:james@example.com' });
    rejectsAt(withValue(statement(), 'authority', three), 'authority');
    rejectsAt(withValue(statement(), 'authority', identifiedGroup()), 'authority');
  });
});
