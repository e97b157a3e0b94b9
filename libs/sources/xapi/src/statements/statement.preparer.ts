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
 * modified; the result shares the parts it does not change with the input (no deep copy on the write path: both are
 * read, serialised, never changed).
 */
export function prepareStatement(statement: Statement, options: PrepareStatementOptions): StoredStatement {
  const stored = options.now.toISOString();
  // UUIDs are case-insensitive; one spelling keeps the id usable as a storage key.
  const id = (statement.id ?? (options.generateId ?? randomUUID)()).toLowerCase();
  const context = withArrayContextActivities(statement.context);
  let object = statement.object;
  if (object.objectType === 'SubStatement') {
    const subContext = withArrayContextActivities(object.context);
    if (subContext !== object.context) object = { ...object, context: subContext };
  }
  // Spreading keeps the received key order; the properties set here keep their place or come last.
  return {
    ...statement,
    id,
    ...(context === statement.context ? {} : { context }),
    object,
    // Data 2.4.7.s3.b2: a missing timestamp takes the value of stored.
    timestamp: statement.timestamp ?? stored,
    stored,
    authority: options.authority,
    version: statement.version ?? STATEMENT_DEFAULT_VERSION,
  };
}

/** The context with every contextActivities value an array: the same object when it already is so. */
function withArrayContextActivities(context: Context | undefined): Context | undefined {
  const activities = context?.contextActivities;
  if (!context || !activities) return context;
  const single = CONTEXT_ACTIVITY_KINDS.filter((kind) => activities[kind] !== undefined && !Array.isArray(activities[kind]));
  if (single.length === 0) return context;
  const normalized = { ...activities };
  for (const kind of single) normalized[kind] = [activities[kind]] as never;
  return { ...context, contextActivities: normalized };
}
