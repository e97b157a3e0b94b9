import { unknownParameterMessage, type QueryInput } from '../../http/statement-query.parser.js';
import { isIri, isUuid } from '../../statements/formats/identifier.format.js';
import { parseTimestamp } from '../../statements/formats/timestamp.format.js';
import { agentKey } from '../../statements/statement-index.extractor.js';
import type { Actor } from '../../statements/statement.types.js';
import { validateActor } from '../../statements/validation/actor.validator.js';
import { Issues, reportNullsAndEmptyObjects, type Validated } from '../../statements/validation/validation-issues.js';
import type { DocumentKind } from './xapi-document.entity.js';

export type DocumentMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** Where a document lives; parts a kind does not use are ''. */
export interface DocumentScope {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
}

export interface DocumentParams {
  scope: DocumentScope;
  /** stateId or profileId; absent means "all documents of the scope" (GET ids, DELETE states). */
  documentId?: string;
  /** GET without an id: only documents updated after this (UTC ISO). */
  since?: string;
}

interface KindRules {
  id: 'stateId' | 'profileId';
  activity: boolean;
  agent: boolean;
  registration: boolean;
  /** Methods that may omit the id. */
  idOptional: DocumentMethod[];
}

const RULES: Record<DocumentKind, KindRules> = {
  // Communication 2.3: State; DELETE without stateId deletes every state of the activity, agent and registration.
  state: { id: 'stateId', activity: true, agent: true, registration: true, idOptional: ['GET', 'DELETE'] },
  // Communication 2.7 and 2.6: profiles; GET without profileId lists ids.
  'activity-profile': { id: 'profileId', activity: true, agent: false, registration: false, idOptional: ['GET'] },
  'agent-profile': { id: 'profileId', activity: false, agent: true, registration: false, idOptional: ['GET'] },
};

/**
 * The parameters of the State, Activity Profile and Agent Profile resources. Values validate like the same values in a
 * Statement: activityId an IRI, agent an Agent (or Identified Group) as JSON, registration a UUID, since a timestamp.
 * Unknown, mis-cased and repeated parameters are refused (Communication 3.2.s3.b7-b8).
 */
export function parseDocumentParams(kind: DocumentKind, method: DocumentMethod, query: QueryInput): Validated<{ params: DocumentParams }> {
  const rules = RULES[kind];
  const allowed = [
    ...(rules.activity ? ['activityId'] : []),
    ...(rules.agent ? ['agent'] : []),
    ...(rules.registration ? ['registration'] : []),
    rules.id,
    ...(method === 'GET' ? ['since'] : []),
  ];
  const issues = new Issues();
  const values: Record<string, string> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    if (Array.isArray(raw)) issues.add(name, 'must be given once');
    else if (allowed.includes(name)) values[name] = raw;
    else issues.add(name, unknownParameterMessage(name, allowed));
  }
  const scope: DocumentScope = { kind, activityId: '', agentKey: '', registration: '' };
  if (rules.activity) {
    const activityId = values['activityId'];
    if (activityId === undefined) issues.add('activityId', 'is required');
    else if (!isIri(activityId)) issues.add('activityId', 'must be an IRI');
    else scope.activityId = activityId;
  }
  if (rules.agent) {
    const key = values['agent'] === undefined ? undefined : parseAgentKey(values['agent'], issues);
    if (values['agent'] === undefined) issues.add('agent', 'is required');
    else if (key !== undefined) scope.agentKey = key;
  }
  const registration = values['registration'];
  if (registration !== undefined) {
    if (isUuid(registration)) scope.registration = registration.toLowerCase();
    else issues.add('registration', 'must be a UUID');
  }
  const documentId = values[rules.id];
  if (documentId === undefined && !rules.idOptional.includes(method)) issues.add(rules.id, 'is required');
  if (documentId !== undefined && documentId.length === 0) issues.add(rules.id, 'must not be empty');
  let since: string | undefined;
  if (values['since'] !== undefined) {
    since = parseTimestamp(values['since'])?.utc;
    if (since === undefined) issues.add('since', 'must be an ISO 8601 timestamp');
  }
  if (!issues.ok) return { ok: false, errors: issues.list };
  return { ok: true, params: { scope, ...(documentId !== undefined ? { documentId } : {}), ...(since !== undefined ? { since } : {}) } };
}

/** The agent parameter: JSON for an Agent or Identified Group, identified by its inverse functional identifier. */
export function parseAgentParam(raw: string, issues: Issues): Actor | undefined {
  let agent: unknown;
  try {
    agent = JSON.parse(raw);
  } catch {
    issues.add('agent', 'must be a JSON Agent object');
    return undefined;
  }
  const before = issues.list.length;
  reportNullsAndEmptyObjects(agent, 'agent', issues);
  validateActor(agent, 'agent', issues, 'agent-parameter');
  return issues.list.length === before ? (agent as Actor) : undefined;
}

function parseAgentKey(raw: string, issues: Issues): string | undefined {
  const agent = parseAgentParam(raw, issues);
  return agent ? agentKey(agent) : undefined;
}
