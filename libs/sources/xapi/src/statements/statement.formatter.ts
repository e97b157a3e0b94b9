import { IFI_KEYS } from './validation/actor.validator.js';
import { parseAcceptLanguage, pickLanguage, type LanguagePreference } from './accept-language.parser.js';
import {
  CONTEXT_ACTIVITY_KINDS,
  INTERACTION_COMPONENT_LISTS,
  type Activity,
  type ActivityDefinition,
  type Actor,
  type Context,
  type LanguageMap,
  type Statement,
  type StatementObject,
  type Verb,
} from './statement.types.js';

/** The `format` parameter of GET /statements (Communication 2.1.3.s1.table1.row12). */
export type StatementFormat = 'exact' | 'ids' | 'canonical';

export interface CanonicalFormatOptions {
  /** The request's Accept-Language header; chooses the one language kept in each Language Map. */
  acceptLanguage?: string;
  /** The LRS's canonical definition of an Activity, when it keeps one (Data 2.4.4.1.s4.b3). */
  activityDefinition?: (activityId: string) => ActivityDefinition | undefined;
  /** The LRS's canonical display of a Verb, when it keeps one (Communication 2.1.3.s4.b2). */
  verbDisplay?: (verbId: string) => LanguageMap | undefined;
}

/**
 * Renders a stored Statement in the requested format. `exact` returns it as stored; `ids` keeps only what identifies
 * Agents, Groups (members of Anonymous Groups included), Activities and Verbs; `canonical` substitutes the LRS's
 * canonical Activity definitions and Verb displays and leaves one language per Language Map in them
 * (Communication 2.1.3.s4). Agents and Groups stay exact in canonical format. The input is not modified.
 */
export function formatStatement<T extends Statement>(statement: T, format: StatementFormat, options: CanonicalFormatOptions = {}): T {
  if (format === 'exact') return statement;
  const copy = structuredClone(statement);
  if (format === 'ids') return rewrite(copy, { actor: idsActor, verb: (v) => ({ id: v.id }), activity: idsActivity });
  const preferences = parseAcceptLanguage(options.acceptLanguage);
  return rewrite(copy, {
    actor: (a) => a,
    verb: (verb) => canonicalVerb(verb, options, preferences),
    activity: (activity) => canonicalActivity(activity, options, preferences),
  });
}

interface Rewriters {
  actor: (actor: Actor) => Actor;
  verb: (verb: Verb) => Verb;
  activity: (activity: Activity) => Activity;
}

/** Applies the rewriters to every Agent, Group, Verb and Activity of a Statement, SubStatement included. */
function rewrite<T extends Statement>(statement: T, r: Rewriters): T {
  const s = statement as Statement & Record<string, unknown>;
  s.actor = r.actor(s.actor);
  s.verb = r.verb(s.verb);
  s.object = rewriteObject(s.object, r);
  if (s.authority) s.authority = r.actor(s.authority);
  if (s.context) s.context = rewriteContext(s.context, r);
  return statement;
}

function rewriteObject(object: StatementObject, r: Rewriters): StatementObject {
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      return r.activity(object);
    case 'Agent':
    case 'Group':
      return { ...r.actor(object), objectType: object.objectType } as StatementObject;
    case 'StatementRef':
      return object;
    case 'SubStatement':
      return rewrite(object as unknown as Statement, r) as unknown as StatementObject;
  }
}

function rewriteContext(context: Context, r: Rewriters): Context {
  if (context.instructor) context.instructor = r.actor(context.instructor);
  if (context.team) context.team = r.actor(context.team) as Context['team'];
  const activities = context.contextActivities;
  if (activities) {
    for (const kind of CONTEXT_ACTIVITY_KINDS) {
      const value = activities[kind];
      if (value !== undefined) activities[kind] = Array.isArray(value) ? value.map(r.activity) : r.activity(value);
    }
  }
  return context;
}

function idsActor(actor: Actor): Actor {
  const out: Record<string, unknown> = {};
  if (actor.objectType) out['objectType'] = actor.objectType;
  const ifi = IFI_KEYS.find((key) => actor[key] !== undefined);
  if (ifi) out[ifi] = actor[ifi];
  // An Anonymous Group is identified by its members (Communication 2.1.3.s1.table1.row12).
  else if (actor.objectType === 'Group' && actor.member) out['member'] = actor.member.map(idsActor);
  return out as unknown as Actor;
}

/** An Activity is identified by its id alone; objectType "Activity" is the default and adds nothing (minimum information). */
function idsActivity(activity: Activity): Activity {
  return { id: activity.id };
}

function canonicalVerb(verb: Verb, options: CanonicalFormatOptions, preferences: LanguagePreference[]): Verb {
  const display = options.verbDisplay?.(verb.id) ?? verb.display;
  return display ? { ...verb, display: oneLanguage(display, preferences) } : verb;
}

function canonicalActivity(activity: Activity, options: CanonicalFormatOptions, preferences: LanguagePreference[]): Activity {
  const definition = options.activityDefinition?.(activity.id) ?? activity.definition;
  if (!definition) return activity;
  const filtered: ActivityDefinition = structuredClone(definition);
  if (filtered.name) filtered.name = oneLanguage(filtered.name, preferences);
  if (filtered.description) filtered.description = oneLanguage(filtered.description, preferences);
  for (const list of INTERACTION_COMPONENT_LISTS) {
    filtered[list] = filtered[list]?.map((component) =>
      component.description ? { ...component, description: oneLanguage(component.description, preferences) } : component,
    );
    if (filtered[list] === undefined) delete filtered[list];
  }
  return { ...activity, definition: filtered };
}

function oneLanguage(map: LanguageMap, preferences: LanguagePreference[]): LanguageMap {
  const tag = pickLanguage(Object.keys(map), preferences);
  return tag === undefined ? map : { [tag]: map[tag] as string };
}
