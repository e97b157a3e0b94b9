import { CONTEXT_ACTIVITY_KINDS, type Activity, type ActivityDefinition, type Statement } from './statement.types.js';

/** Language Maps and extensions are merged key by key; any other property of a later definition replaces the earlier. */
const MERGED_MAPS = ['name', 'description', 'extensions'] as const;

/**
 * The Activity as all the given Statements (oldest first) describe it (Communication 2.5, XAPI-00254): each definition
 * of `activityId` found as a Statement's object, a SubStatement's object or a context Activity is laid over the ones
 * before it, so a "fr-FR" name sent in one Statement and an "en-US" name sent in another are both returned.
 */
export function mergedActivity(activityId: string, statements: Statement[]): Activity {
  let definition: ActivityDefinition | undefined;
  for (const statement of statements) {
    for (const activity of activitiesIn(statement)) {
      if (activity.id === activityId && activity.definition) definition = mergeDefinitions(definition, activity.definition);
    }
  }
  return definition ? { objectType: 'Activity', id: activityId, definition } : { objectType: 'Activity', id: activityId };
}

function mergeDefinitions(earlier: ActivityDefinition | undefined, later: ActivityDefinition): ActivityDefinition {
  if (!earlier) return structuredClone(later);
  const merged: ActivityDefinition = { ...earlier, ...structuredClone(later) };
  for (const key of MERGED_MAPS) {
    if (earlier[key] && later[key]) (merged as Record<string, unknown>)[key] = { ...earlier[key], ...later[key] };
  }
  return merged;
}

function activitiesIn(statement: Statement): Activity[] {
  const found: Activity[] = [];
  const object = statement.object as { objectType?: string };
  if (object.objectType === undefined || object.objectType === 'Activity') found.push(statement.object as Activity);
  if (object.objectType === 'SubStatement') found.push(...activitiesIn(statement.object as unknown as Statement));
  const contextActivities = statement.context?.contextActivities;
  for (const kind of CONTEXT_ACTIVITY_KINDS) {
    const value = contextActivities?.[kind];
    if (value !== undefined) found.push(...(Array.isArray(value) ? value : [value]));
  }
  return found;
}
