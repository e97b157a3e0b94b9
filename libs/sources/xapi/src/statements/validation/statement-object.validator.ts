import { isUuid } from '../formats/identifier.format.js';
import { IFI_KEYS, validateActor } from './actor.validator.js';
import { validateActivity } from './activity.validator.js';
import { at, isPlainObject, rejectUnknownKeys, requireValue, type Issues } from './validation-issues.js';

export const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'StatementRef', 'SubStatement'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface StatementObjectOptions {
  /** False inside a SubStatement: a SubStatement cannot be nested (Data 2.4.4.3.s8.b4). */
  allowSubStatement: boolean;
  /** Validates a SubStatement body; passed in so the Statement validator and this one do not import each other. */
  validateSubStatement: (value: Record<string, unknown>, path: string, issues: Issues) => void;
}

/**
 * The object of a Statement (Data 2.4.4), dispatched on objectType, which defaults to Activity.
 * Returns the effective objectType (undefined when it is unusable), which the context rules need.
 */
export function validateStatementObject(
  value: unknown,
  path: string,
  issues: Issues,
  options: StatementObjectOptions,
): ObjectType | undefined {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an Activity, Agent, Group, StatementRef or SubStatement object');
    return undefined;
  }
  const objectType = value['objectType'] ?? 'Activity';
  if (typeof objectType !== 'string') {
    issues.add(at(path, 'objectType'), 'must be a string');
    return undefined;
  }
  if (!(OBJECT_TYPES as readonly string[]).includes(objectType)) {
    issues.add(at(path, 'objectType'), `must be one of ${OBJECT_TYPES.join(', ')} (values are case-sensitive)`);
    return undefined;
  }
  switch (objectType as ObjectType) {
    case 'Activity':
      if (value['objectType'] === undefined && looksLikeAgentOrGroup(value)) {
        // XAPI-00065: without objectType the object is an Activity, so an Agent or Group must say what it is.
        issues.add(at(path, 'objectType'), 'is required when the object is an Agent or Group');
        return undefined;
      }
      validateActivity(value, path, issues);
      return 'Activity';
    case 'Agent':
    case 'Group':
      validateActor(value, path, issues, 'object');
      return objectType as ObjectType;
    case 'StatementRef':
      validateStatementRef(value, path, issues);
      return 'StatementRef';
    case 'SubStatement':
      if (!options.allowSubStatement) {
        issues.add(at(path, 'objectType'), 'a SubStatement must not contain another SubStatement');
        return undefined;
      }
      options.validateSubStatement(value, path, issues);
      return 'SubStatement';
  }
}

/** A Statement Reference (Data 2.4.4.3.s4): objectType "StatementRef" and the UUID of a Statement. */
export function validateStatementRef(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a StatementRef object');
    return;
  }
  rejectUnknownKeys(value, ['objectType', 'id'], path, issues);
  if (requireValue(value, 'objectType', path, issues) && value['objectType'] !== 'StatementRef') {
    issues.add(at(path, 'objectType'), 'must be "StatementRef"');
  }
  if (requireValue(value, 'id', path, issues) && !isUuid(value['id'])) issues.add(at(path, 'id'), 'must be a UUID');
}

function looksLikeAgentOrGroup(value: Record<string, unknown>): boolean {
  return value['id'] === undefined && (IFI_KEYS.some((key) => value[key] !== undefined) || value['member'] !== undefined);
}

