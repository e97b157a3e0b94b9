import { Injectable } from '@nestjs/common';
import { unknownParameterMessage } from '../../http/statement-query.parser.js';
import { isIri } from '../../statements/formats/identifier.format.js';
import { mergedActivity } from '../../statements/activity-definition.merger.js';
import type { Statement } from '../../statements/statement.types.js';
import { Issues } from '../../statements/validation/validation-issues.js';
import { parseAgentParam } from '../documents/document-params.parser.js';
import { XapiError } from '../http/xapi-error.js';
import type { XapiRequest } from '../http/xapi-request.js';
import { jsonResponse, type XapiResponse } from '../http/xapi-response.js';
import { activityTerm } from '../statements/statement-terms.js';
import { StatementRepository } from '../statements/statement.repository.js';
import { personFor } from './person.js';

/** How many of the latest Statements about an Activity GET /activities merges. */
const ACTIVITY_STATEMENTS_MERGED = 100;

/** GET /xAPI/agents (a Person, Communication 2.4) and GET /xAPI/activities (an Activity, Communication 2.5). */
@Injectable()
export class AgentsActivitiesService {
  constructor(private readonly statements: StatementRepository) {}

  agents(req: XapiRequest): XapiResponse {
    const issues = new Issues();
    const value = single(req, 'agent', issues);
    const agent = value === undefined ? undefined : parseAgentParam(value, issues);
    if (!agent) throw XapiError.badRequest('Invalid parameters for GET /agents', issues.list);
    return jsonResponse(personFor(agent));
  }

  /**
   * The Activity with every definition the latest Statements gave it merged, later over earlier (XAPI-00254), or just
   * its id when none defines it.
   */
  async activities(req: XapiRequest): Promise<XapiResponse> {
    const issues = new Issues();
    const activityId = single(req, 'activityId', issues);
    if (activityId !== undefined && !isIri(activityId)) issues.add('activityId', 'must be an IRI');
    if (activityId === undefined || !issues.ok) throw XapiError.badRequest('Invalid parameters for GET /activities', issues.list);
    const stored = await this.statements.recentWithActivity(req.principal.programId, activityTerm(activityId), ACTIVITY_STATEMENTS_MERGED);
    return jsonResponse(mergedActivity(activityId, stored.map((s) => JSON.parse(s) as Statement)));
  }
}

/** The one parameter these resources take; anything else is a 400 (Communication 3.2.s3.b7). */
function single(req: XapiRequest, name: string, issues: Issues): string | undefined {
  let value: string | undefined;
  for (const [key, raw] of Object.entries(req.query)) {
    if (raw === undefined) continue;
    if (key !== name) issues.add(key, unknownParameterMessage(key, [name]));
    else if (Array.isArray(raw)) issues.add(key, 'must be given once');
    else value = raw;
  }
  if (value === undefined && !issues.list.some((e) => e.path === name)) issues.add(name, 'is required');
  return value;
}
