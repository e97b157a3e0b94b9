import { VOIDED_VERB_ID } from '../../xapi.constants.js';
import { isUuid, isXapiVersion } from '../formats/identifier.format.js';
import { isTimestamp } from '../formats/timestamp.format.js';
import type { Statement } from '../statement.types.js';
import { validateActor } from './actor.validator.js';
import { validateAttachments } from './attachment.validator.js';
import { validateContext } from './context.validator.js';
import { validateResult } from './result.validator.js';
import { validateStatementObject, type ObjectType } from './statement-object.validator.js';
import {
  at,
  atIndex,
  isMissing,
  isPlainObject,
  rejectUnknownKeys,
  reportNullsAndEmptyObjects,
  requireValue,
  Issues,
  type ValidationError,
} from './validation-issues.js';
import { validateVerb } from './verb.validator.js';

const STATEMENT_KEYS = [
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
] as const;
const SUB_STATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'] as const;
const SUB_STATEMENT_FORBIDDEN = ['id', 'stored', 'version', 'authority'] as const;

export interface ValidateStatementOptions {
  /** Prefix for error paths, e.g. `[2]` for the third Statement of a batch. */
  path?: string;
  /** The `statementId` of a PUT: a Statement id, where given, must match it (Communication 2.1.1.s3.b3). */
  expectedId?: string;
}

export type StatementValidation = { ok: true; statement: Statement } | { ok: false; errors: ValidationError[] };
export type StatementsValidation = { ok: true; statements: Statement[] } | { ok: false; errors: ValidationError[] };

/** Validates one Statement against xAPI 1.0.3 (Data 2.2-2.4). The input is returned as is: nothing is normalized. */
export function validateStatement(input: unknown, options: ValidateStatementOptions = {}): StatementValidation {
  const issues = new Issues();
  validateStatementInto(input, options.path ?? '', issues, options.expectedId);
  return issues.ok ? { ok: true, statement: input as Statement } : { ok: false, errors: issues.list };
}

/**
 * Validates a POST body: one Statement or an array of them. A batch is all or nothing (Communication 3.2.s3.b9) and
 * must not repeat an id (Communication 2.1.2.s2.b6).
 */
export function validateStatements(input: unknown): StatementsValidation {
  const issues = new Issues();
  const batch = Array.isArray(input) ? input : [input];
  const seen = new Map<string, number>();
  batch.forEach((statement, index) => {
    const path = Array.isArray(input) ? atIndex('', index) : '';
    validateStatementInto(statement, path, issues, undefined);
    const id = isPlainObject(statement) && isUuid(statement['id']) ? statement['id'].toLowerCase() : undefined;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) issues.add(at(path, 'id'), `repeats the id of Statement [${first}] in the same batch`);
    else seen.set(id, index);
  });
  return issues.ok ? { ok: true, statements: batch as Statement[] } : { ok: false, errors: issues.list };
}

function validateStatementInto(input: unknown, path: string, issues: Issues, expectedId: string | undefined): void {
  if (!isPlainObject(input)) {
    issues.add(path, 'a Statement must be a JSON object');
    return;
  }
  reportNullsAndEmptyObjects(input, path, issues);
  rejectUnknownKeys(input, STATEMENT_KEYS, path, issues);

  const id = input['id'];
  if (!isMissing(id)) {
    if (!isUuid(id)) issues.add(at(path, 'id'), 'must be a UUID in standard string form');
    else if (expectedId !== undefined && id.toLowerCase() !== expectedId.toLowerCase()) {
      issues.add(at(path, 'id'), 'must match the statementId parameter');
    }
  }
  const objectType = validateCore(input, path, issues, true);
  if (isPlainObject(input['verb']) && input['verb']['id'] === VOIDED_VERB_ID && objectType !== 'StatementRef') {
    // Data 2.3.2.s2.b1, XAPI-00017: a voiding Statement names the voided Statement by a StatementRef.
    issues.add(at(path, 'object'), 'a voiding Statement must have a StatementRef as its object');
  }
  // "stored" is validated and then overwritten by the LRS (Data 2.4.8.s3.b2).
  if (!isMissing(input['stored']) && !isTimestamp(input['stored'])) {
    issues.add(at(path, 'stored'), 'must be an ISO 8601 timestamp');
  }
  if (!isMissing(input['authority'])) validateActor(input['authority'], at(path, 'authority'), issues, 'authority');
  if (!isMissing(input['version']) && !isXapiVersion(input['version'])) {
    issues.add(at(path, 'version'), 'must be "1.0" or start with "1.0." (Data 2.4.10)');
  }
}

/** What a Statement and a SubStatement share: actor, verb, object, result, context, timestamp, attachments. */
function validateCore(
  input: Record<string, unknown>,
  path: string,
  issues: Issues,
  allowSubStatement: boolean,
): ObjectType | undefined {
  if (requireValue(input, 'actor', path, issues)) validateActor(input['actor'], at(path, 'actor'), issues, 'actor');
  if (requireValue(input, 'verb', path, issues)) validateVerb(input['verb'], at(path, 'verb'), issues);
  let objectType: ObjectType | undefined;
  if (requireValue(input, 'object', path, issues)) {
    objectType = validateStatementObject(input['object'], at(path, 'object'), issues, {
      allowSubStatement,
      validateSubStatement,
    });
  }
  if (!isMissing(input['result'])) validateResult(input['result'], at(path, 'result'), issues);
  if (!isMissing(input['context'])) validateContext(input['context'], at(path, 'context'), issues, objectType);
  if (!isMissing(input['timestamp']) && !isTimestamp(input['timestamp'])) {
    issues.add(at(path, 'timestamp'), 'must be an ISO 8601 timestamp');
  }
  if (!isMissing(input['attachments'])) validateAttachments(input['attachments'], at(path, 'attachments'), issues);
  return objectType;
}

/** A SubStatement (Data 2.4.4.3.s8): a Statement without id, stored, version and authority, and not nested. */
function validateSubStatement(value: Record<string, unknown>, path: string, issues: Issues): void {
  for (const key of SUB_STATEMENT_FORBIDDEN) {
    if (value[key] !== undefined) issues.add(at(path, key), `a SubStatement must not have "${key}"`);
  }
  rejectUnknownKeys(value, [...SUB_STATEMENT_KEYS, ...SUB_STATEMENT_FORBIDDEN], path, issues);
  validateCore(value, path, issues, false);
}
