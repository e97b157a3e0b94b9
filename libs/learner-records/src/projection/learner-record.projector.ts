import { Injectable, Logger } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import type { EntityManager } from 'typeorm';
import { incorporate, needsRecompute, recordKeyOf, type IncorporatePath, type LearnerFact, type LearnerRecord } from '../domain/index.js';
import { LearnerRecordRepository, type RecordUpdate } from '../persistence/learner-record.repository.js';
import { compareKeys, sameHighWaterMark, sameVisibleState, type StoredLearnerRecord } from '../persistence/record-rows.js';
import { ConcurrentRecordCreationError } from './concurrent-record-creation.error.js';
import { groupFacts } from './projectable-facts.js';

export type ProjectionSummary = Record<IncorporatePath, number> & { facts: number; records: number };

/**
 * Takes newly stored events into learner records, inside the caller's transaction (the one that stored them), in a
 * fixed number of statements per batch: lock the batch's records, load the history of those a late fact must be
 * refolded for, insert new records, update changed ones, insert the facts.
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
    if (byKey.size === 0) return summary;

    const groups = [...byKey.values()].sort((a, b) => compareKeys(a[0], b[0]));
    const stored = await this.repository.lockByKeys(groups.map((g) => g[0]), manager);
    // Facts of a group are sorted, so only the first can sort before the record's high-water mark.
    const late = [...byKey].flatMap(([key, group]) => {
      const record = stored.get(key);
      return record && needsRecompute(record.record, group[0]) ? [record] : [];
    });
    const histories = await this.repository.loadFacts(late, manager);

    const inserts: LearnerRecord[] = [];
    const updates: RecordUpdate[] = [];
    for (const group of groups) {
      const previous = stored.get(recordKeyOf(group[0]));
      const next = this.fold(previous, group, previous ? histories.get(previous.id) ?? [] : [], summary);
      if (!previous) inserts.push(next);
      else if (!sameVisibleState(previous.record, next) || !sameHighWaterMark(previous.record.HighWaterMark, next.HighWaterMark)) {
        updates.push({ id: previous.id, record: next, touch: !sameVisibleState(previous.record, next) });
      }
    }

    const created = await this.repository.insertRecords(inserts, manager);
    if (created.size < inserts.length) throw new ConcurrentRecordCreationError(inserts.length - created.size);
    await this.repository.updateRecords(updates, manager);
    const facts = groups.flatMap((group) => {
      const key = recordKeyOf(group[0]);
      const id = stored.get(key)?.id ?? created.get(key)!;
      return group.map((fact) => ({ fact, recordId: id }));
    });
    await this.repository.insertFacts(facts, manager);
    summary.facts = facts.length;
    summary.records = inserts.length + updates.length;
    return summary;
  }

  /** `incorporate` fact by fact; the history is the stored facts plus those of this batch taken in before. */
  private fold(previous: StoredLearnerRecord | undefined, group: LearnerFact[], storedHistory: LearnerFact[], summary: ProjectionSummary): LearnerRecord {
    let record = previous?.record ?? null;
    const history = [...storedHistory];
    for (const fact of group) {
      const result = incorporate(record, fact, () => history);
      history.push(fact);
      record = result.record;
      summary[result.path] += 1;
    }
    return record!;
  }
}
