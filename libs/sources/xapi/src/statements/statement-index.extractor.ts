import { VOIDED_VERB_ID } from '../xapi.constants.js';
import { CONTEXT_ACTIVITY_KINDS, type Actor, type Context, type Statement, type StatementObject } from './statement.types.js';

/**
 * What the GET /statements filters match on (Communication 2.1.3.s1), extracted once when a Statement is stored so the
 * store can index it. Agents are given as `agentKey` strings.
 */
export interface StatementIndex {
  verbId: string;
  /** `agent` filter: the actor and an Agent/Group object, with the members of Groups (Communication 2.1.3.s1.table1.row3). */
  agents: string[];
  /** `related_agents=true`: also authority, instructor, team, and all of these inside a SubStatement. */
  relatedAgents: string[];
  /** `activity` filter: the id of the object when it is an Activity. */
  activity?: string;
  /** `related_activities=true`: also context activities, and the same inside a SubStatement. */
  relatedActivities: string[];
  /** `registration` filter (the Statement's own context). */
  registration?: string;
  /**
   * The Statement this one targets with a StatementRef object. A targeting Statement matches every non-time filter its
   * target matches, recursively (Communication 2.1.3.s3), which the store resolves through this link.
   */
  targetStatementId?: string;
  /** Set when this is a voiding Statement: the id of the Statement it voids (Data 2.3.2). */
  voidedStatementId?: string;
}

/**
 * A stable key for an Agent or Identified Group: the kind and value of its inverse functional identifier. Agents are
 * equal when they use the same identifier with the same value (Communication 2.1.3.s1.table1.row3). Email domains are
 * case-insensitive and lower-cased here. Undefined for an Anonymous Group.
 */
export function agentKey(actor: Actor): string | undefined {
  if (actor.mbox !== undefined) {
    const at = actor.mbox.lastIndexOf('@');
    return `mbox:${actor.mbox.slice(0, at)}${actor.mbox.slice(at).toLowerCase()}`;
  }
  if (actor.mbox_sha1sum !== undefined) return `mbox_sha1sum:${actor.mbox_sha1sum.toLowerCase()}`;
  if (actor.openid !== undefined) return `openid:${actor.openid}`;
  if (actor.account !== undefined) return `account:${JSON.stringify([actor.account.homePage, actor.account.name])}`;
  return undefined;
}

export function isVoidingStatement(statement: Statement): boolean {
  return statement.verb.id === VOIDED_VERB_ID && statement.object.objectType === 'StatementRef';
}

export function extractStatementIndex(statement: Statement): StatementIndex {
  const agents = new Set<string>();
  const relatedAgents = new Set<string>();
  const relatedActivities = new Set<string>();
  const index: StatementIndex = { verbId: statement.verb.id, agents: [], relatedAgents: [], relatedActivities: [] };

  addActor(statement.actor, agents);
  collectRelated(statement, relatedAgents, relatedActivities);
  if (statement.authority) addActor(statement.authority, relatedAgents);

  const object = statement.object;
  if (object.objectType === 'Agent' || object.objectType === 'Group') addActor(object, agents);
  if (object.objectType === undefined || object.objectType === 'Activity') index.activity = object.id;
  if (object.objectType === 'StatementRef') {
    index.targetStatementId = object.id.toLowerCase();
    if (statement.verb.id === VOIDED_VERB_ID) index.voidedStatementId = object.id.toLowerCase();
  }
  if (statement.context?.registration) index.registration = statement.context.registration.toLowerCase();

  for (const key of agents) relatedAgents.add(key);
  index.agents = [...agents];
  index.relatedAgents = [...relatedAgents];
  index.relatedActivities = [...relatedActivities];
  return index;
}

/** Actor, object, instructor, team and context activities of a Statement or SubStatement. */
function collectRelated(
  statement: { actor: Actor; object: StatementObject; context?: Context },
  agents: Set<string>,
  activities: Set<string>,
): void {
  addActor(statement.actor, agents);
  const object = statement.object;
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      activities.add(object.id);
      break;
    case 'Agent':
    case 'Group':
      addActor(object, agents);
      break;
    case 'SubStatement':
      collectRelated(object, agents, activities);
      break;
    case 'StatementRef':
      break;
  }
  const context = statement.context;
  if (context?.instructor) addActor(context.instructor, agents);
  if (context?.team) addActor(context.team, agents);
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const value = context?.contextActivities?.[kind];
    if (value === undefined) continue;
    for (const activity of Array.isArray(value) ? value : [value]) activities.add(activity.id);
  }
}

function addActor(actor: Actor, into: Set<string>): void {
  const key = agentKey(actor);
  if (key) into.add(key);
  if (actor.objectType === 'Group') {
    for (const member of actor.member ?? []) addActor(member, into);
  }
}
