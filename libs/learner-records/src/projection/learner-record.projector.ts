import { Injectable, Logger } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import type { EntityManager } from 'typeorm';
import { incorporate, needsRecompute, recordKeyOf, type IncorporatePath, type LearnerFact, type LearnerRecord } from '../domain/index.js';
import { LearnerRecordRepository, type RecordUpdate } from '../persistence/learner-record.repository.js';
import { compareKeys, sameHighWaterMark, sameVisibleState, type StoredLearnerRecord } from '../persistence/record-rows.js';
import { ConcurrentRecordCreationError } from './concurrent-record-creation.error.js';
import { groupFacts } from './projectable-facts.js';

export type ProjectionSummary = Record<IncorporatePath, number> & { facts: number; records: number };

/** Rounds for records another worker created while this batch was folding, before the whole batch starts over. */
const CREATION_ROUNDS = 3;

interface Folded {
  group: LearnerFact[];
  previous: StoredLearnerRecord | undefined;
  next: LearnerRecord;
  paths: Record<IncorporatePath, number>;
}

/**
 * Takes newly stored events into learner records, inside the caller's transaction (the one that stored them), in a
 * handful of statements per batch: lock the batch's records, load the history of those a late fact must be refolded
 * for, insert new records, update changed ones, insert the facts.
 */
@Injectable()
export class LearnerRecordProjector {
  private readonly logger = new Logger(LearnerRecordProjector.name);

  constructor(private readonly repository: LearnerRecordRepository) {}

  async project(newEvents: readonly CanonicalEvent[], manager: EntityManager): Promise<ProjectionSummary> {
    const summary: ProjectionSummary = { fast: 0, duplicate: 0, recompute: 0, facts: 0, records: 0 };
    const { byKey, skipped } = groupFacts(newEvents);
    if (skipped.length > 0) {
      this.logger.warn({ events: [...new Set(skipped.map((f) => f.EventId))] }, 'learner facts with ids longer than the record columns were not projected');
    }
    let pending = [...byKey.values()].sort((a, b) => compareKeys(a[0], b[0]));
    for (let round = 1; pending.length > 0; round++) {
      if (round > CREATION_ROUNDS) throw new ConcurrentRecordCreationError(pending.length);
      if (round > 1) this.logger.debug({ records: pending.length, round }, 'records created concurrently by another worker; folding into them');
      pending = await this.projectGroups(pending, manager, summary);
    }
    return summary;
  }

  /**
   * Projects groups of facts (one group per record key, in key order) and returns the groups whose record another
   * transaction created meanwhile. That transaction has committed by then (ON CONFLICT waited for it), so the next
   * round finds and locks its record and folds this batch's facts into it.
   */
  private async projectGroups(groups: LearnerFact[][], manager: EntityManager, summary: ProjectionSummary): Promise<LearnerFact[][]> {
    const stored = await this.repository.lockByKeys(groups.map((g) => g[0]), manager);
    // Facts of a group are sorted, so only the first can sort before the record's high-water mark.
    const late = groups.flatMap((group) => {
      const record = stored.get(recordKeyOf(group[0]));
      return record && needsRecompute(record.record, group[0]) ? [record] : [];
    });
    const histories = await this.repository.loadFacts(late, manager);
    const folded = groups.map((group) => {
      const previous = stored.get(recordKeyOf(group[0]));
      return fold(group, previous, previous ? histories.get(previous.id) ?? [] : []);
    });

    const inserts = folded.filter((f) => !f.previous);
    const updates: RecordUpdate[] = folded.flatMap(({ previous, next }) => {
      if (!previous) return [];
      const visibleChange = !sameVisibleState(previous.record, next);
      return visibleChange || !sameHighWaterMark(previous.record.HighWaterMark, next.HighWaterMark) ? [{ id: previous.id, record: next, touch: visibleChange }] : [];
    });
    const created = await this.repository.insertRecords(inserts.map((f) => f.next), manager);
    await this.repository.updateRecords(updates, manager);

    const done = folded.flatMap((f) => {
      const id = f.previous?.id ?? created.get(recordKeyOf(f.next));
      return id === undefined ? [] : [{ ...f, id }];
    });
    await this.repository.insertFacts(done.flatMap(({ group, id }) => group.map((fact) => ({ fact, recordId: id }))), manager);
    for (const { paths, group } of done) {
      for (const path of ['fast', 'duplicate', 'recompute'] as const) summary[path] += paths[path];
      summary.facts += group.length;
      summary.records += 1;
    }
    return inserts.filter((f) => !created.has(recordKeyOf(f.next))).map((f) => f.group);
  }
}

/** `incorporate` fact by fact; the history is the stored facts plus those of this batch taken in before. */
function fold(group: LearnerFact[], previous: StoredLearnerRecord | undefined, storedHistory: LearnerFact[]): Folded {
  const paths = { fast: 0, duplicate: 0, recompute: 0 };
  let record = previous?.record ?? null;
  const history = [...storedHistory];
  for (const fact of group) {
    const result = incorporate(record, fact, () => history);
    history.push(fact);
    record = result.record;
    paths[result.path] += 1;
  }
  return { group, previous, next: record!, paths };
}
