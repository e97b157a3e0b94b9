import { isDuration } from '../formats/duration.format.js';
import { validateExtensions } from './extensions.validator.js';
import { at, checkString, isMissing, isPlainObject, rejectUnknownKeys, type Issues } from './validation-issues.js';

const RESULT_KEYS = ['score', 'success', 'completion', 'response', 'duration', 'extensions'] as const;
const SCORE_KEYS = ['scaled', 'raw', 'min', 'max'] as const;

/** A Result (Data 2.4.5); numbers and booleans must be JSON numbers and booleans, not strings (Data 2.2.s4.b1.b2-b3). */
export function validateResult(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a Result object');
    return;
  }
  rejectUnknownKeys(value, RESULT_KEYS, path, issues);
  if (!isMissing(value['score'])) validateScore(value['score'], at(path, 'score'), issues);
  for (const key of ['success', 'completion'] as const) {
    if (!isMissing(value[key]) && typeof value[key] !== 'boolean') issues.add(at(path, key), 'must be true or false');
  }
  if (!isMissing(value['response'])) checkString(value['response'], at(path, 'response'), issues);
  if (!isMissing(value['duration']) && !isDuration(value['duration'])) {
    issues.add(at(path, 'duration'), 'must be an ISO 8601 duration such as PT1H30M or P4W');
  }
  if (!isMissing(value['extensions'])) validateExtensions(value['extensions'], at(path, 'extensions'), issues);
}

/** A Score (Data 2.4.5.1): scaled in [-1, 1], min < max, raw within [min, max] where they are given. */
function validateScore(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a Score object');
    return;
  }
  rejectUnknownKeys(value, SCORE_KEYS, path, issues);
  const numbers: Partial<Record<(typeof SCORE_KEYS)[number], number>> = {};
  for (const key of SCORE_KEYS) {
    const n = value[key];
    if (isMissing(n)) continue;
    if (typeof n !== 'number' || !Number.isFinite(n)) issues.add(at(path, key), 'must be a number');
    else numbers[key] = n;
  }
  const { scaled, raw, min, max } = numbers;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) issues.add(at(path, 'scaled'), 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max) issues.add(at(path, 'min'), 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min) issues.add(at(path, 'raw'), 'must not be less than min');
  if (raw !== undefined && max !== undefined && raw > max) issues.add(at(path, 'raw'), 'must not be greater than max');
}
