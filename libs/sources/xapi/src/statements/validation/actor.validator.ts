import { isIri, isIrl, isMailtoIri, isSha1Hex } from '../formats/identifier.format.js';
import {
  at,
  atIndex,
  checkString,
  isMissing,
  isPlainObject,
  rejectUnknownKeys,
  requireValue,
  type Issues,
} from './validation-issues.js';

/** Where an Agent or Group appears; each place adds its own rule to the common ones (Data 2.4.2). */
export type ActorRole = 'actor' | 'object' | 'authority' | 'instructor' | 'team' | 'member' | 'agent-parameter';

export const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

const AGENT_KEYS = ['objectType', 'name', ...IFI_KEYS] as const;
const GROUP_KEYS = ['objectType', 'name', 'member', ...IFI_KEYS] as const;

export function validateActor(value: unknown, path: string, issues: Issues, role: ActorRole): void {
  if (!isPlainObject(value)) {
    issues.add(path, role === 'team' ? 'must be a Group object' : 'must be an Agent or Group object');
    return;
  }
  const objectType = value['objectType'];
  if (!isMissing(objectType)) {
    if (typeof objectType !== 'string') {
      issues.add(at(path, 'objectType'), 'must be a string');
      return;
    }
    if (objectType !== 'Agent' && objectType !== 'Group') {
      issues.add(at(path, 'objectType'), 'must be "Agent" or "Group" (values are case-sensitive)');
      return;
    }
  }
  const isGroup = objectType === 'Group';
  if (role === 'team' && !isGroup) {
    issues.add(at(path, 'objectType'), 'a team must be a Group: objectType "Group" is required');
    return;
  }
  if (role === 'member' && isGroup) {
    issues.add(path, 'a Group must not contain Groups as members (Data 2.4.2.2.s4.b2)');
    return;
  }
  if (isGroup) validateGroup(value, path, issues, role);
  else validateAgent(value, path, issues);
}

function validateAgent(value: Record<string, unknown>, path: string, issues: Issues): void {
  rejectUnknownKeys(value, AGENT_KEYS, path, issues);
  if (!isMissing(value['name'])) checkString(value['name'], at(path, 'name'), issues);
  const ifis = validateIfis(value, path, issues);
  if (ifis.length === 0) {
    issues.add(path, 'an Agent must be identified by exactly one of mbox, mbox_sha1sum, openid or account');
  } else if (ifis.length > 1) {
    issues.add(path, `an Agent must use exactly one inverse functional identifier, found ${ifis.join(', ')}`);
  }
}

function validateGroup(value: Record<string, unknown>, path: string, issues: Issues, role: ActorRole): void {
  rejectUnknownKeys(value, GROUP_KEYS, path, issues);
  if (!isMissing(value['name'])) checkString(value['name'], at(path, 'name'), issues);
  const ifis = validateIfis(value, path, issues);
  if (ifis.length > 1) {
    issues.add(path, `an Identified Group must use exactly one inverse functional identifier, found ${ifis.join(', ')}`);
  }
  const members = validateMembers(value, path, issues);
  if (ifis.length === 0 && value['member'] === undefined) {
    issues.add(at(path, 'member'), 'an Anonymous Group must list its members (Data 2.4.2.2.s4.b1)');
  } else if (ifis.length === 0 && members === 0) {
    issues.add(at(path, 'member'), 'an Anonymous Group must list at least one member');
  }
  if (role === 'authority' && (ifis.length > 0 || members !== 2)) {
    // Data 2.4.9.s3.b1: a Group authority is only the 3-legged OAuth pair (application + user).
    issues.add(path, 'a Group used as authority must be an Anonymous Group of exactly two Agents');
  }
  if (role === 'agent-parameter' && ifis.length !== 1) {
    issues.add(path, 'must be an Agent or an Identified Group');
  }
}

/** Returns the number of members, or -1 when "member" is absent or unusable. */
function validateMembers(value: Record<string, unknown>, path: string, issues: Issues): number {
  const member = value['member'];
  if (isMissing(member)) return -1;
  const memberPath = at(path, 'member');
  if (!Array.isArray(member)) {
    issues.add(memberPath, 'must be an array of Agents');
    return -1;
  }
  member.forEach((agent, index) => validateActor(agent, atIndex(memberPath, index), issues, 'member'));
  return member.length;
}

/** Validates each inverse functional identifier present and returns the names of those present. */
function validateIfis(value: Record<string, unknown>, path: string, issues: Issues): string[] {
  const present = IFI_KEYS.filter((key) => value[key] !== undefined);
  for (const key of present) {
    const ifi = value[key];
    if (ifi === null) continue;
    const ifiPath = at(path, key);
    if (key === 'mbox' && !isMailtoIri(ifi)) issues.add(ifiPath, 'must be a "mailto:" IRI with an email address');
    if (key === 'mbox_sha1sum' && !isSha1Hex(ifi)) issues.add(ifiPath, 'must be the hex SHA-1 of a mailto IRI');
    if (key === 'openid' && !isIri(ifi)) issues.add(ifiPath, 'must be a URI');
    if (key === 'account') validateAccount(ifi, ifiPath, issues);
  }
  return present;
}

function validateAccount(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an Account object with homePage and name');
    return;
  }
  rejectUnknownKeys(value, ['homePage', 'name'], path, issues);
  if (requireValue(value, 'homePage', path, issues) && !isIrl(value['homePage'])) {
    issues.add(at(path, 'homePage'), 'must be an IRL');
  }
  if (requireValue(value, 'name', path, issues)) checkString(value['name'], at(path, 'name'), issues);
}
