import type { AlmEvent } from '../delivery/alm-delivery.types.js';
import { isJsonObject, type JsonValue } from '../delivery/safe-json-tree.js';
import type { CatalogueUpdate, InstanceState, LearningObjectState } from './catalogue-update.types.js';

/**
 * The catalogue changes one event implies; empty for learner events and for names ALM did not document.
 * - LEARNING_OBJECT_DRAFT → draft; _DELETION → deleted; _MODIFICATION(_BATCH) → published (inferred)
 * - LEARNING_OBJECT_INSTANCE_MODIFICATION(_BATCH) → active (inferred); _DELETION → deleted
 * - CI_STATS → the instance's seat figures
 * A `state`/`loState`/`status` in `data` (ALM's public API wording: Draft, Published, Retired, Active) overrides
 * the inference, so richer payloads from newer ALM releases are used as soon as they arrive.
 */
export function catalogueUpdatesFrom(event: AlmEvent): CatalogueUpdate[] {
  const definition = event.definition;
  const action = definition?.catalogueAction;
  if (!definition || !action) return [];
  const { facts } = event;
  const source = {
    sourceTimeUtc: event.timestampUtc ?? event.startUtc,
    sourceEventId: event.eventId,
    sourceEventName: event.eventName,
  };
  const hint = stateHint(event.original.data);

  if (definition.kind === 'learning_object') {
    if (!facts.loId) return [];
    const inferred: LearningObjectState = action === 'draft' ? 'draft' : action === 'deletion' ? 'deleted' : 'published';
    const explicit = action === 'modification' ? LO_STATE_WORDS.get(hint ?? '') : undefined;
    return [
      {
        type: 'learning-object',
        loId: facts.loId,
        loType: facts.loType,
        state: explicit ?? inferred,
        stateInferred: action === 'modification' && !explicit,
        ...source,
      },
    ];
  }

  if (!facts.loInstanceId) return [];
  if (action === 'seat-stats') {
    return [
      {
        type: 'instance-seats',
        loInstanceId: facts.loInstanceId,
        loId: facts.loId,
        enrollmentCount: facts.enrollmentCount,
        waitlistCount: facts.waitlistCount,
        seatLimit: facts.seatLimit,
        seatAvailability: facts.seatAvailability,
        waitlistLimit: facts.waitlistLimit,
        waitlistAvailability: facts.waitlistAvailability,
        ...source,
      },
    ];
  }
  const explicit = action === 'modification' ? INSTANCE_STATE_WORDS.get(hint ?? '') : undefined;
  return [
    {
      type: 'instance',
      loInstanceId: facts.loInstanceId,
      loId: facts.loId,
      loType: facts.loType,
      state: explicit ?? (action === 'deletion' ? 'deleted' : 'active'),
      stateInferred: action === 'modification' && !explicit,
      ...source,
    },
  ];
}

/**
 * Last writer by ALM time wins; an update as old as the stored state still applies, so replaying the same
 * event is harmless and two events of the same second settle on the later-processed one.
 */
export function catalogueUpdateWins(storedSourceTimeUtc: string | null, update: Pick<CatalogueUpdate, 'sourceTimeUtc'>): boolean {
  return storedSourceTimeUtc === null || Date.parse(update.sourceTimeUtc) >= Date.parse(storedSourceTimeUtc);
}

const LO_STATE_WORDS: ReadonlyMap<string, LearningObjectState> = new Map([
  ['draft', 'draft'],
  ['published', 'published'],
  ['active', 'published'],
  ['retired', 'retired'],
  ['deleted', 'deleted'],
]);

const INSTANCE_STATE_WORDS: ReadonlyMap<string, InstanceState> = new Map([
  ['active', 'active'],
  ['published', 'active'],
  ['retired', 'retired'],
  ['deleted', 'deleted'],
]);

function stateHint(data: JsonValue | undefined): string | null {
  if (!isJsonObject(data)) return null;
  for (const key of ['state', 'loState', 'status'] as const) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase();
  }
  return null;
}
