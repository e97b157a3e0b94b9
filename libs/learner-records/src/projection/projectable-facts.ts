import type { CanonicalEvent } from '@hub/event-store';
import { compareFacts, factsFromEvent, recordKeyOf, type LearnerFact } from '../domain/index.js';
import { RECORD_ID_LIMITS } from '../persistence/learner-record.entity.js';

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as the database will store it: node-pg sends UTF-8, where a lone UTF-16 surrogate becomes U+FFFD. Facts
 * must say what the database says, or a record would be looked up under one key and stored under another.
 */
function asStored(text: string): string {
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

function fits(value: string, limit: number): boolean {
  return value.length <= limit || [...value].length <= limit;
}

/**
 * The fact as it will be stored, or null when its ids do not fit the record columns (a longer id would fail the
 * whole batch, events included; the event stays in the log without a record).
 */
export function projectable(fact: LearnerFact): LearnerFact | null {
  const participant = asStored(fact.PublisherParticipantId);
  const learningObject = asStored(fact.LearningObjectId);
  if (!fits(participant, RECORD_ID_LIMITS.participant) || !fits(learningObject, RECORD_ID_LIMITS.learningObject)) return null;
  const sourceStatus = fact.SourceStatus === null ? null : asStored(fact.SourceStatus);
  if (participant === fact.PublisherParticipantId && learningObject === fact.LearningObjectId && sourceStatus === fact.SourceStatus) return fact;
  return { ...fact, PublisherParticipantId: participant, LearningObjectId: learningObject, SourceStatus: sourceStatus };
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
    for (const raw of factsFromEvent(event)) {
      const fact = projectable(raw);
      if (fact === null) {
        skipped.push(raw);
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
