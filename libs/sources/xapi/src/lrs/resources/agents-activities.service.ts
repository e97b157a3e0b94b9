import { Injectable } from '@nestjs/common';
import { unknownParameterMessage } from '../../http/statement-query.parser.js';
import { isIri } from '../../statements/formats/identifier.format.js';
import type { Activity, Statement } from '../../statements/statement.types.js';
import { Issues } from '../../statements/validation/validation-issues.js';
import { parseAgentParam } from '../documents/document-params.parser.js';
import { XapiError } from '../http/xapi-error.js';
import type { XapiRequest } from '../http/xapi-request.js';
import { jsonResponse, type XapiResponse } from '../http/xapi-response.js';
import { activityTerm } from '../statements/statement-terms.js';
import { StatementRepository } from '../statements/statement.repository.js';
import { personFor } from './person.js';

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

  /** The Activity with the definition of the latest Statement about it, or just its id when there is none. */
  async activities(req: XapiRequest): Promise<XapiResponse> {
    const issues = new Issues();
    const activityId = single(req, 'activityId', issues);
    if (activityId !== undefined && !isIri(activityId)) issues.add('activityId', 'must be an IRI');
    if (activityId === undefined || !issues.ok) throw XapiError.badRequest('Invalid parameters for GET /activities', issues.list);
    const stored = await this.statements.latestWithActivity(req.principal.programId, activityTerm(activityId));
    const object = stored === null ? undefined : ((JSON.parse(stored) as Statement).object as Activity);
    return jsonResponse(object?.id === activityId ? { ...object, objectType: 'Activity' } : { objectType: 'Activity', id: activityId });
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
