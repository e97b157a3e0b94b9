import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventRepository, FEED_START, type FeedCursor } from '@hub/event-store';
import { factsFromEvent, foldFactsByKey, recordKeyOf, type LearnerFact } from '../domain/index.js';
import { RebuildStagingRepository, type StagedPosition } from '../persistence/rebuild-staging.repository.js';
import { compareKeys } from '../persistence/record-rows.js';
import { projectable } from '../projection/projectable-facts.js';

export interface RebuildResult {
  /** The programs rebuilt; null for all. */
  programIds: string[] | null;
  events: number;
  facts: number;
  records: number;
  /** Records inserted or changed by the rebuild: 0 when incremental processing was exact. */
  changed: number;
  /** Records no fact produces any more (only after a change of the mapping). */
  removed: number;
}

const CHUNK = 5_000;

/**
 * Recomputes learner records from the event log: rebuild = foldFactsByKey(facts of every stored event), which is by
 * construction what incremental processing gives, so on a consistent store it changes nothing. It is the repair after
 * running with HUB_LEARNER_RECORDS=off or after a change of the mapping. One transaction: the workers' record
 * writes wait until it commits (their events are not lost, only delayed), readers see the old records until then.
 */
@Injectable()
export class LearnerRecordRebuilder {
  private readonly logger = new Logger(LearnerRecordRebuilder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    private readonly staging: RebuildStagingRepository,
  ) {}

  async rebuild(programIds: string[] | null): Promise<RebuildResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      await this.staging.lockAndStage(manager);
      let events = 0;
      let facts = 0;
      for (let after: FeedCursor = FEED_START; ; ) {
        const page = await this.events.scan(programIds, after, CHUNK, manager);
        const staged = page.events.flatMap(factsFromEvent).flatMap((fact) => projectable(fact) ?? []);
        await this.staging.stage(staged, manager);
        events += page.events.length;
        facts += staged.length;
        if (page.events.length < CHUNK) break;
        after = page.next;
      }
      await this.staging.indexStaged(manager);

      let records = 0;
      let changed = 0;
      let carry: LearnerFact[] = [];
      for (let after: StagedPosition | null = null; ; ) {
        const chunk = await this.staging.readStaged(after, CHUNK, manager);
        const done = chunk.facts.length < CHUNK;
        const all = [...carry, ...chunk.facts];
        // The last key of a full chunk may continue in the next one: fold it then.
        let cut = all.length;
        if (!done) while (cut > 0 && recordKeyOf(all[cut - 1]) === recordKeyOf(all[all.length - 1])) cut -= 1;
        carry = all.slice(cut);
        const folded = [...foldFactsByKey(all.slice(0, cut)).values()].sort(compareKeys);
        records += folded.length;
        changed += await this.staging.upsertRecords(folded, manager);
        if (done) break;
        after = chunk.next;
      }
      const replaced = await this.staging.replaceFacts(programIds, manager);
      return { programIds, events, facts: replaced.facts, records, changed, removed: replaced.removed, staged: facts };
    });
    const { staged, ...summary } = result;
    this.logger.log({ ...summary, staged }, 'learner records rebuilt');
    return summary;
  }
}
