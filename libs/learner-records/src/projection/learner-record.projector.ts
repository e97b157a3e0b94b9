import { Injectable, Logger } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import type { EntityManager } from 'typeorm';
import { incorporate, needsRecompute, type IncorporatePath, type LearnerFact, type LearnerRecord } from '../domain/index.js';
import { LearnerRecordRepository } from '../persistence/learner-record.repository.js';
import { compareKeys, type StoredLearnerRecord } from '../persistence/record-rows.js';
import { ConcurrentRecordCreationError, RecordKeyMismatchError } from './concurrent-record-creation.error.js';
import { groupFacts, type FactGroup } from './projectable-facts.js';

export type ProjectionSummary = Record<IncorporatePath, number> & { facts: number; records: number };

/** Rounds for records another worker wrote while this batch was folding, before the whole batch starts over. */
const WRITE_ROUNDS = 4;

interface Folded {
  group: FactGroup;
  previous: StoredLearnerRecord | undefined;
  next: LearnerRecord;
  paths: Record<IncorporatePath, number>;
}

/**
 * Takes newly stored events into learner records, inside the caller's transaction (the one that stored them), in a
 * handful of statements per batch: read the batch's records, load the history of those a late fact must be refolded
 * for, update the stored records (each only if nobody wrote it since it was read), insert the new ones (unless
 * somebody created them meanwhile), insert the facts.
 *
 * Concurrency is optimistic: two workers rarely share records, so the first round reads without locking. A record
 * another transaction wrote meanwhile is not written (its version moved on); it is read again with a row lock and
 * folded again in the next round. Row locks are always taken in key order, so workers cannot deadlock over them.
 */
@Injectable()
export class LearnerRecordProjector {
  private readonly logger = new Logger(LearnerRecordProjector.name);

  constructor(private readonly repository: LearnerRecordRepository) {}

  async project(newEvents: readonly CanonicalEvent[], manager: EntityManager): Promise<ProjectionSummary> {
    const summary: ProjectionSummary = { fast: 0, duplicate: 0, recompute: 0, facts: 0, records: 0 };
    const { groups, skipped } = groupFacts(newEvents);
    if (skipped.length > 0) {
      this.logger.warn({ events: [...new Set(skipped.map((f) => f.EventId))] }, 'learner facts with ids longer than the record columns were not projected');
    }
    let pending = groups.sort((a, b) => compareKeys(a.facts[0], b.facts[0]));
    let created = new Set<string>();
    for (let round = 1; pending.length > 0; round++) {
      if (round > WRITE_ROUNDS) throw new ConcurrentRecordCreationError(pending.length);
      if (round > 1) this.logger.debug({ records: pending.length, round }, 'records written concurrently by another worker; folding again');
      ({ pending, created } = await this.projectGroups(pending, round > 1, created, manager, summary));
    }
    return summary;
  }

  /**
   * One round. Returns the groups whose record another transaction wrote meanwhile, and of those the keys another
   * transaction created (their insert was skipped).
   */
  private async projectGroups(
    groups: FactGroup[],
    lock: boolean,
    createdElsewhere: ReadonlySet<string>,
    manager: EntityManager,
    summary: ProjectionSummary,
  ): Promise<{ pending: FactGroup[]; created: Set<string> }> {
    const stored = await this.repository.readByKeys(groups.map((g) => g.facts[0]), lock, manager);
    // ON CONFLICT waited for the transaction that created the record, so it must be visible now; if not, the key
    // was stored differently from how it was looked up, and no retry can help.
    const lost = groups.find((g) => createdElsewhere.has(g.key) && !stored.has(g.key));
    if (lost) throw new RecordKeyMismatchError(lost.facts[0]);
    // Facts of a group are sorted, so only the first can sort before the record's high-water mark.
    const late = groups.flatMap((group) => {
      const record = stored.get(group.key);
      return record && needsRecompute(record.record, group.facts[0]) ? [record] : [];
    });
    const histories = await this.repository.loadFacts(late, manager);
    const folded = groups.map((group) => {
      const previous = stored.get(group.key);
      return fold(group, previous, previous ? histories.get(previous.id) ?? [] : []);
    });

    const updated = await this.repository.updateRecords(
      folded.flatMap((f) => (f.previous ? [{ id: f.previous.id, record: f.next, readVersion: f.previous.version }] : [])),
      manager,
    );
    const inserted = await this.repository.insertRecords(folded.filter((f) => !f.previous).map((f) => f.next), manager);
    const done = folded.flatMap((f) => {
      const id = f.previous ? (updated.has(f.previous.id) ? f.previous.id : undefined) : inserted.get(f.group.key);
      return id === undefined ? [] : [{ ...f, id }];
    });
    await this.repository.insertFacts(done.flatMap(({ group, id }) => group.facts.map((fact) => ({ fact, recordId: id }))), manager);
    for (const { paths, group } of done) {
      summary.fast += paths.fast;
      summary.duplicate += paths.duplicate;
      summary.recompute += paths.recompute;
      summary.facts += group.facts.length;
      summary.records += 1;
    }
    const written = new Set(done.map((f) => f.group.key));
    const pending = folded.filter((f) => !written.has(f.group.key));
    return { pending: pending.map((f) => f.group), created: new Set(pending.filter((f) => !f.previous).map((f) => f.group.key)) };
  }
}

/** `incorporate` fact by fact; the history is the stored facts plus those of this batch taken in before. */
function fold(group: FactGroup, previous: StoredLearnerRecord | undefined, storedHistory: LearnerFact[]): Folded {
  const paths = { fast: 0, duplicate: 0, recompute: 0 };
  let record = previous?.record ?? null;
  const history = storedHistory;
  for (const fact of group.facts) {
    const result = incorporate(record, fact, () => history);
    history.push(fact);
    record = result.record;
    paths[result.path] += 1;
  }
  return { group, previous, next: record!, paths };
}
