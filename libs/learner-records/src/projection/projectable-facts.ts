import type { CanonicalEvent } from '@hub/event-store';
import { compareFacts, factsFromEvent, recordKeyOf, type LearnerFact } from '../domain/index.js';
import { RECORD_ID_LIMITS } from '../persistence/learner-record.entity.js';

function fits(value: string, limit: number): boolean {
  return value.length <= limit || [...value].length <= limit;
}

/** Facts whose ids fit the record columns; a longer id would fail the whole batch, events included. */
export function isProjectable(fact: LearnerFact): boolean {
  return fits(fact.PublisherParticipantId, RECORD_ID_LIMITS.participant) && fits(fact.LearningObjectId, RECORD_ID_LIMITS.learningObject);
}

/** The facts of one record key in a batch, in fact order (so most of them take the fast path). */
export interface FactGroup {
  key: string;
  facts: LearnerFact[];
}

/** The learner facts of a batch of events, grouped by record key. */
export function groupFacts(events: readonly CanonicalEvent[]): { groups: FactGroup[]; skipped: LearnerFact[] } {
  const byKey = new Map<string, FactGroup>();
  const skipped: LearnerFact[] = [];
  for (const event of events) {
    for (const fact of factsFromEvent(event)) {
      if (!isProjectable(fact)) {
        skipped.push(fact);
        continue;
      }
      const key = recordKeyOf(fact);
      const group = byKey.get(key);
      if (group) group.facts.push(fact);
      else byKey.set(key, { key, facts: [fact] });
    }
  }
  const groups = [...byKey.values()];
  for (const group of groups) if (group.facts.length > 1) group.facts.sort(compareFacts);
  return { groups, skipped };
}
