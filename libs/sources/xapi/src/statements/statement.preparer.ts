import { randomUUID } from 'node:crypto';
import { STATEMENT_DEFAULT_VERSION } from '../xapi.constants.js';
import { CONTEXT_ACTIVITY_KINDS, type Actor, type Context, type Statement, type StoredStatement } from './statement.types.js';

export interface PrepareStatementOptions {
  /** Who asserts the Statement: the LRS overwrites any submitted authority with the credentials' Agent (Data 2.4.9.s3.b4). */
  authority: Actor;
  /** The moment the LRS stores the Statement. */
  now: Date;
  /** Id for a Statement that arrived without one; random UUIDv4 by default (Data 2.4.1.s2.b1). */
  generateId?: () => string;
}

/**
 * Turns a validated Statement into the form the LRS stores and returns: assigns the LRS-owned properties
 * (Data 2.3.1.b1) and returns every contextActivities value as an array (Data 2.4.6.2.s4.b3). Everything else stays
 * exactly as received, because the LRS must not return a different serialisation (Data 2.2.s2.b5). The input is not
 * modified.
 */
export function prepareStatement(statement: Statement, options: PrepareStatementOptions): StoredStatement {
  const prepared = structuredClone(statement);
  const stored = options.now.toISOString();
  // UUIDs are case-insensitive; one spelling keeps the id usable as a storage key.
  const id = (prepared.id ?? (options.generateId ?? randomUUID)()).toLowerCase();
  normalizeContextActivities(prepared.context);
  if (prepared.object.objectType === 'SubStatement') normalizeContextActivities(prepared.object.context);
  return {
    ...prepared,
    id,
    // Data 2.4.7.s3.b2: a missing timestamp takes the value of stored.
    timestamp: prepared.timestamp ?? stored,
    stored,
    authority: structuredClone(options.authority),
    version: prepared.version ?? STATEMENT_DEFAULT_VERSION,
  };
}

function normalizeContextActivities(context: Context | undefined): void {
  const activities = context?.contextActivities;
  if (!activities) return;
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const value = activities[kind];
    if (value !== undefined && !Array.isArray(value)) activities[kind] = [value];
  }
}
