import { isIri, isUuid } from '../statements/formats/identifier.format.js';
import { parseTimestamp } from '../statements/formats/timestamp.format.js';
import type { StatementFormat } from '../statements/statement.formatter.js';
import type { Actor } from '../statements/statement.types.js';
import { validateActor } from '../statements/validation/actor.validator.js';
import { Issues, reportNullsAndEmptyObjects, type ValidationError } from '../statements/validation/validation-issues.js';

/** Query values as HTTP frameworks deliver them: a string, or an array when a name repeats. */
export type QueryInput = Record<string, string | string[] | undefined>;

const SINGLE_PARAMS = ['statementId', 'voidedStatementId', 'format', 'attachments'] as const;
const FILTER_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'ascending',
] as const;
const KNOWN_PARAMS: readonly string[] = [...SINGLE_PARAMS, ...FILTER_PARAMS];

interface Presentation {
  format: StatementFormat;
  /** Multipart response with attachment data (Communication 2.1.3.s2.b6). */
  attachments: boolean;
}

/** GET /statements?statementId=… or ?voidedStatementId=…: one Statement. */
export interface SingleStatementQuery extends Presentation {
  kind: 'single';
  statementId: string;
  /** True for voidedStatementId: only a voided Statement is returned (Communication 2.1.4.s1.b1). */
  voided: boolean;
}

export interface StatementFilter {
  agent?: Actor;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedActivities: boolean;
  relatedAgents: boolean;
  /** Exclusive lower bound on `stored`, in UTC ISO form. */
  since?: string;
  /** Inclusive upper bound on `stored`, in UTC ISO form. */
  until?: string;
  /** 0 means the server maximum (Communication 2.1.3.s1.table1.row11). */
  limit: number;
  ascending: boolean;
}

/** GET /statements with filters: a StatementResult. */
export interface StatementListQuery extends Presentation {
  kind: 'list';
  filter: StatementFilter;
}

export type StatementQuery = SingleStatementQuery | StatementListQuery;

export interface ParseStatementQueryOptions {
  /**
   * Parameters the hub adds to the spec's (e.g. a `more` cursor); they are returned in `extra` instead of being
   * rejected (Communication 3.2.s3.b7 lets an LRS recognise its own parameters).
   */
  extraParams?: readonly string[];
}

export type StatementQueryParse =
  | { ok: true; query: StatementQuery; extra: Record<string, string> }
  | { ok: false; errors: ValidationError[] };

/**
 * Parses and validates the query of GET /statements (Communication 2.1.3). Rejects, as the spec requires: unknown
 * parameters and parameters that differ only in case (Communication 3.2.s3.b7-b8), repeated parameters, values that do
 * not validate like the same values in a Statement (Data 2.2.s4.b4), statementId with voidedStatementId, and either of
 * them with anything but attachments and format (Communication 2.1.3.s2.b1-b2).
 */
export function parseStatementQuery(input: QueryInput, options: ParseStatementQueryOptions = {}): StatementQueryParse {
  const issues = new Issues();
  const extraNames = options.extraParams ?? [];
  const values: Record<string, string> = {};
  const extra: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    if (Array.isArray(raw)) {
      issues.add(name, 'must be given once');
      continue;
    }
    if (KNOWN_PARAMS.includes(name)) values[name] = raw;
    else if (extraNames.includes(name)) extra[name] = raw;
    else issues.add(name, unknownParameterMessage(name, [...KNOWN_PARAMS, ...extraNames]));
  }

  const format = parseFormat(values['format'], issues);
  const attachments = parseBoolean(values, 'attachments', issues);
  const statementId = values['statementId'];
  const voidedStatementId = values['voidedStatementId'];
  let query: StatementQuery | undefined;

  if (statementId !== undefined || voidedStatementId !== undefined) {
    if (statementId !== undefined && voidedStatementId !== undefined) {
      issues.add('voidedStatementId', 'must not be combined with statementId');
    }
    for (const name of FILTER_PARAMS) {
      if (values[name] !== undefined) issues.add(name, 'must not be combined with statementId or voidedStatementId');
    }
    const id = statementId ?? voidedStatementId ?? '';
    if (!isUuid(id)) issues.add(statementId !== undefined ? 'statementId' : 'voidedStatementId', 'must be a UUID');
    query = { kind: 'single', statementId: id.toLowerCase(), voided: statementId === undefined, format, attachments };
  } else {
    query = { kind: 'list', filter: parseFilter(values, issues), format, attachments };
  }
  return issues.ok ? { ok: true, query, extra } : { ok: false, errors: issues.list };
}

function parseFilter(values: Record<string, string>, issues: Issues): StatementFilter {
  const filter: StatementFilter = {
    relatedActivities: parseBoolean(values, 'related_activities', issues),
    relatedAgents: parseBoolean(values, 'related_agents', issues),
    ascending: parseBoolean(values, 'ascending', issues),
    limit: 0,
  };
  const agent = values['agent'];
  if (agent !== undefined) filter.agent = parseAgent(agent, issues);
  const verb = values['verb'];
  if (verb !== undefined) {
    if (isIri(verb)) filter.verb = verb;
    else issues.add('verb', 'must be an IRI');
  }
  const activity = values['activity'];
  if (activity !== undefined) {
    if (isIri(activity)) filter.activity = activity;
    else issues.add('activity', 'must be an IRI');
  }
  const registration = values['registration'];
  if (registration !== undefined) {
    if (isUuid(registration)) filter.registration = registration.toLowerCase();
    else issues.add('registration', 'must be a UUID');
  }
  for (const name of ['since', 'until'] as const) {
    const raw = values[name];
    if (raw === undefined) continue;
    const parsed = parseTimestamp(raw);
    if (parsed) filter[name] = parsed.utc;
    else issues.add(name, 'must be an ISO 8601 timestamp');
  }
  const limit = values['limit'];
  if (limit !== undefined) {
    if (/^\d{1,9}$/.test(limit)) filter.limit = Number(limit);
    else issues.add('limit', 'must be a non-negative integer');
  }
  return filter;
}

/** The agent parameter is JSON for an Agent or Identified Group and validates like one in a Statement. */
function parseAgent(raw: string, issues: Issues): Actor | undefined {
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    issues.add('agent', 'must be a JSON Agent or Identified Group object');
    return undefined;
  }
  const before = issues.list.length;
  reportNullsAndEmptyObjects(agent, 'agent', issues);
  validateActor(agent, 'agent', issues, 'agent-parameter');
  return issues.list.length === before ? (agent as Actor) : undefined;
}

function parseFormat(raw: string | undefined, issues: Issues): StatementFormat {
  if (raw === undefined) return 'exact';
  if (raw === 'exact' || raw === 'ids' || raw === 'canonical') return raw;
  issues.add('format', 'must be "exact", "ids" or "canonical"');
  return 'exact';
}

/** Booleans are `true` or `false` as in JSON (Communication 2.1.3 note). */
function parseBoolean(values: Record<string, string>, name: string, issues: Issues): boolean {
  const raw = values[name];
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  issues.add(name, 'must be true or false');
  return false;
}

export function unknownParameterMessage(name: string, known: readonly string[]): string {
  const sameButCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
  return sameButCase
    ? `parameter names are case-sensitive: use "${sameButCase}"`
    : 'is not a parameter of this resource';
}
