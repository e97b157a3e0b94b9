import { isUuid } from '../formats/identifier.format.js';
import { isLanguageTag } from '../formats/language-tag.format.js';
import { CONTEXT_ACTIVITY_KINDS } from '../statement.types.js';
import { validateActor } from './actor.validator.js';
import { validateActivity } from './activity.validator.js';
import { validateExtensions } from './extensions.validator.js';
import type { ObjectType } from './statement-object.validator.js';
import { validateStatementRef } from './statement-object.validator.js';
import {
  at,
  atIndex,
  checkString,
  isMissing,
  isPlainObject,
  rejectUnknownKeys,
  type Issues,
} from './validation-issues.js';

const CONTEXT_KEYS = [
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
] as const;

/**
 * A Context (Data 2.4.6). `objectType` is the effective objectType of the Statement's object: "revision" and
 * "platform" are only allowed when it is an Activity (Data 2.4.6.s4.b1-b2).
 */
export function validateContext(value: unknown, path: string, issues: Issues, objectType: ObjectType | undefined): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a Context object');
    return;
  }
  rejectUnknownKeys(value, CONTEXT_KEYS, path, issues);
  if (!isMissing(value['registration']) && !isUuid(value['registration'])) {
    issues.add(at(path, 'registration'), 'must be a UUID');
  }
  if (!isMissing(value['instructor'])) validateActor(value['instructor'], at(path, 'instructor'), issues, 'instructor');
  if (!isMissing(value['team'])) validateActor(value['team'], at(path, 'team'), issues, 'team');
  if (!isMissing(value['contextActivities'])) {
    validateContextActivities(value['contextActivities'], at(path, 'contextActivities'), issues);
  }
  for (const key of ['revision', 'platform'] as const) {
    if (isMissing(value[key])) continue;
    if (checkString(value[key], at(path, key), issues) && objectType !== undefined && objectType !== 'Activity') {
      issues.add(at(path, key), `must only be used when the Statement's object is an Activity`);
    }
  }
  const language = value['language'];
  if (!isMissing(language) && checkString(language, at(path, 'language'), issues) && !isLanguageTag(language)) {
    issues.add(at(path, 'language'), 'must be an RFC 5646 language tag');
  }
  if (!isMissing(value['statement'])) validateStatementRef(value['statement'], at(path, 'statement'), issues);
  if (!isMissing(value['extensions'])) validateExtensions(value['extensions'], at(path, 'extensions'), issues);
}

/** Keys parent/grouping/category/other; each value one Activity or an array of them (Data 2.4.6.2.s4). */
function validateContextActivities(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an object with parent, grouping, category or other');
    return;
  }
  rejectUnknownKeys(value, CONTEXT_ACTIVITY_KINDS, path, issues);
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const activities = value[kind];
    if (isMissing(activities)) continue;
    const kindPath = at(path, kind);
    if (Array.isArray(activities)) {
      activities.forEach((activity, index) => validateActivity(activity, atIndex(kindPath, index), issues));
    } else {
      validateActivity(activities, kindPath, issues);
    }
  }
}
