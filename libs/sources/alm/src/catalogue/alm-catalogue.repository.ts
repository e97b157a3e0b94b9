import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { loTypeFromId } from '../ids/alm-ids.js';
import { AlmLearningObjectInstanceEntity } from './alm-learning-object-instance.entity.js';
import { AlmLearningObjectEntity } from './alm-learning-object.entity.js';
import type { CatalogueUpdate, InstanceSeatsUpdate, InstanceStateUpdate, LearningObjectState, LearningObjectStateUpdate } from './catalogue-update.types.js';

const MAX_ID = 200;
const MAX_TYPE = 50;
const INT32 = 2 ** 31;

export interface CataloguePageQuery {
  programIds: string[];
  state?: LearningObjectState;
  loType?: string;
  /** Continue after this (program, learning object). */
  after?: { programId: string; loId: string };
  limit: number;
}

/** One row write of a delivery's catalogue changes; `lockKey` orders them (see `planCatalogueWrites`). */
export type CatalogueWrite =
  | { kind: 'learning-object'; lockKey: string; update: LearningObjectStateUpdate }
  | { kind: 'ensure-learning-object'; lockKey: string; loId: string; loType: string | null }
  | { kind: 'instance'; lockKey: string; update: InstanceStateUpdate }
  | { kind: 'instance-seats'; lockKey: string; update: InstanceSeatsUpdate };

/**
 * The row writes of a delivery's catalogue updates, in the order they are run:
 * - an update naming an id longer than the columns allow is left out (its event is still stored), reported in `skipped`;
 * - an instance's parent is made known once per delivery (the first time it is needed; later ones would be no-ops);
 * - sorted by row (table, then id), stably: each row still sees its updates in delivery order, so the result is the
 *   one of applying them one by one, and every job locks rows in the same order, so jobs writing the same rows in
 *   their own transactions queue instead of deadlocking.
 */
export function planCatalogueWrites(updates: readonly CatalogueUpdate[]): { writes: CatalogueWrite[]; skipped: CatalogueUpdate[] } {
  const writes: CatalogueWrite[] = [];
  const skipped: CatalogueUpdate[] = [];
  const ensured = new Set<string>();
  for (const update of updates) {
    const ids = [update.type === 'learning-object' ? update.loId : update.loInstanceId, update.type === 'learning-object' ? null : update.loId];
    if (ids.some((id) => id !== null && id.length > MAX_ID)) {
      skipped.push(update);
      continue;
    }
    if (update.type === 'learning-object') {
      writes.push({ kind: 'learning-object', lockKey: `lo:${update.loId}`, update });
      continue;
    }
    if (update.loId && !ensured.has(update.loId)) {
      ensured.add(update.loId);
      writes.push({ kind: 'ensure-learning-object', lockKey: `lo:${update.loId}`, loId: update.loId, loType: update.type === 'instance' ? update.loType : null });
    }
    writes.push(update.type === 'instance' ? { kind: 'instance', lockKey: `in:${update.loInstanceId}`, update } : { kind: 'instance-seats', lockKey: `in:${update.loInstanceId}`, update });
  }
  // Array.prototype.sort is stable.
  writes.sort((a, b) => (a.lockKey < b.lockKey ? -1 : a.lockKey > b.lockKey ? 1 : 0));
  return { writes, skipped };
}

/**
 * The small ALM catalogue. Writes are upserts that only win when their ALM time is at least the stored one
 * (`catalogueUpdateWins`, in SQL so concurrent workers cannot interleave a read and a write). A delivery's writes run
 * in one transaction (one commit, not one per event), in the row order of `planCatalogueWrites`.
 */
@Injectable()
export class AlmCatalogueRepository {
  private readonly logger = new Logger(AlmCatalogueRepository.name);

  constructor(
    @InjectRepository(AlmLearningObjectEntity) private readonly learningObjects: Repository<AlmLearningObjectEntity>,
    @InjectRepository(AlmLearningObjectInstanceEntity) private readonly instances: Repository<AlmLearningObjectInstanceEntity>,
  ) {}

  async apply(programId: string, accountId: string, updates: readonly CatalogueUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const { writes, skipped } = planCatalogueWrites(updates);
    for (const update of skipped) {
      // The event itself is stored; only its catalogue entry is skipped (such an id is not ALM's).
      this.logger.warn(`ALM catalogue: ${update.sourceEventName} ${update.sourceEventId} names an id over ${MAX_ID} characters; not catalogued`);
    }
    if (writes.length === 0) return;
    await this.learningObjects.manager.transaction(async (manager) => {
      for (const write of writes) {
        if (write.kind === 'learning-object') await this.applyLearningObject(manager, programId, accountId, write.update);
        else if (write.kind === 'ensure-learning-object') await this.ensureLearningObject(manager, programId, accountId, write.loId, write.loType);
        else if (write.kind === 'instance') await this.applyInstanceState(manager, programId, accountId, write.update);
        else await this.applySeats(manager, programId, accountId, write.update);
      }
    });
  }

  private async applyLearningObject(manager: EntityManager, programId: string, accountId: string, u: LearningObjectStateUpdate): Promise<void> {
    await manager.query(
      `INSERT INTO alm_learning_objects AS t (program_id, lo_id, lo_type, account_id, state, state_inferred, state_source_utc, state_event_id, state_event_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (program_id, lo_id) DO UPDATE SET
         lo_type = COALESCE(EXCLUDED.lo_type, t.lo_type), account_id = EXCLUDED.account_id, state = EXCLUDED.state,
         state_inferred = EXCLUDED.state_inferred, state_source_utc = EXCLUDED.state_source_utc,
         state_event_id = EXCLUDED.state_event_id, state_event_name = EXCLUDED.state_event_name, updated_utc = now()
       WHERE t.state_source_utc IS NULL OR EXCLUDED.state_source_utc >= t.state_source_utc`,
      [programId, u.loId, loType(u.loType), accountId, u.state, u.stateInferred, u.sourceTimeUtc, u.sourceEventId, u.sourceEventName],
    );
  }

  /** An instance's parent becomes known (state unknown) even before any event about the object itself. */
  private async ensureLearningObject(manager: EntityManager, programId: string, accountId: string, loId: string, type: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO alm_learning_objects (program_id, lo_id, lo_type, account_id) VALUES ($1, $2, $3, $4) ON CONFLICT (program_id, lo_id) DO NOTHING`,
      [programId, loId, loType(type ?? loTypeFromId(loId)), accountId],
    );
  }

  private async applyInstanceState(manager: EntityManager, programId: string, accountId: string, u: InstanceStateUpdate): Promise<void> {
    await manager.query(
      `INSERT INTO alm_learning_object_instances AS t (program_id, lo_instance_id, lo_id, account_id, state, state_inferred, state_source_utc, state_event_id, state_event_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (program_id, lo_instance_id) DO UPDATE SET
         lo_id = COALESCE(EXCLUDED.lo_id, t.lo_id), account_id = EXCLUDED.account_id, state = EXCLUDED.state,
         state_inferred = EXCLUDED.state_inferred, state_source_utc = EXCLUDED.state_source_utc,
         state_event_id = EXCLUDED.state_event_id, state_event_name = EXCLUDED.state_event_name, updated_utc = now()
       WHERE t.state_source_utc IS NULL OR EXCLUDED.state_source_utc >= t.state_source_utc`,
      [programId, u.loInstanceId, u.loId, accountId, u.state, u.stateInferred, u.sourceTimeUtc, u.sourceEventId, u.sourceEventName],
    );
  }

  private async applySeats(manager: EntityManager, programId: string, accountId: string, u: InstanceSeatsUpdate): Promise<void> {
    await manager.query(
      `INSERT INTO alm_learning_object_instances AS t (program_id, lo_instance_id, lo_id, account_id, enrollment_count, waitlist_count,
         seat_limit, seat_availability, waitlist_limit, waitlist_availability, seats_source_utc, seats_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (program_id, lo_instance_id) DO UPDATE SET
         lo_id = COALESCE(EXCLUDED.lo_id, t.lo_id), account_id = EXCLUDED.account_id,
         enrollment_count = EXCLUDED.enrollment_count, waitlist_count = EXCLUDED.waitlist_count, seat_limit = EXCLUDED.seat_limit,
         seat_availability = EXCLUDED.seat_availability, waitlist_limit = EXCLUDED.waitlist_limit,
         waitlist_availability = EXCLUDED.waitlist_availability, seats_source_utc = EXCLUDED.seats_source_utc,
         seats_event_id = EXCLUDED.seats_event_id, updated_utc = now()
       WHERE t.seats_source_utc IS NULL OR EXCLUDED.seats_source_utc >= t.seats_source_utc`,
      [
        programId, u.loInstanceId, u.loId, accountId, seats(u.enrollmentCount), seats(u.waitlistCount), seats(u.seatLimit),
        seats(u.seatAvailability), seats(u.waitlistLimit), seats(u.waitlistAvailability), u.sourceTimeUtc, u.sourceEventId,
      ],
    );
  }

  async findPage(query: CataloguePageQuery): Promise<AlmLearningObjectEntity[]> {
    if (query.programIds.length === 0) return [];
    const qb = this.learningObjects
      .createQueryBuilder('lo')
      .where('lo.program_id IN (:...programIds)', { programIds: query.programIds })
      .orderBy('lo.program_id', 'ASC')
      .addOrderBy('lo.lo_id', 'ASC')
      .limit(query.limit);
    if (query.state) qb.andWhere('lo.state = :state', { state: query.state });
    if (query.loType) qb.andWhere('lo.lo_type = :loType', { loType: query.loType });
    if (query.after) qb.andWhere('(lo.program_id, lo.lo_id) > (:afterProgram, :afterLo)', { afterProgram: query.after.programId, afterLo: query.after.loId });
    return qb.getMany();
  }

  findLearningObject(programIds: string[], loId: string): Promise<AlmLearningObjectEntity[]> {
    if (programIds.length === 0) return Promise.resolve([]);
    return this.learningObjects
      .createQueryBuilder('lo')
      .where('lo.program_id IN (:...programIds)', { programIds })
      .andWhere('lo.lo_id = :loId', { loId })
      .orderBy('lo.program_id', 'ASC')
      .getMany();
  }

  /** The instances of these learning objects, in id order. */
  async instancesOf(learningObjects: readonly Pick<AlmLearningObjectEntity, 'programId' | 'loId'>[]): Promise<AlmLearningObjectInstanceEntity[]> {
    if (learningObjects.length === 0) return [];
    return this.instances
      .createQueryBuilder('i')
      .where('(i.program_id, i.lo_id) IN (SELECT * FROM unnest(CAST(:programIds AS varchar[]), CAST(:loIds AS varchar[])))', {
        programIds: learningObjects.map((lo) => lo.programId),
        loIds: learningObjects.map((lo) => lo.loId),
      })
      .orderBy('i.program_id', 'ASC')
      .addOrderBy('i.lo_instance_id', 'ASC')
      .getMany();
  }
}

/** ALM sends counts; anything that is not a whole number a column can hold is dropped rather than failing the job. */
function seats(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && Math.abs(value) < INT32 ? value : null;
}

function loType(value: string | null): string | null {
  return value !== null && value.length <= MAX_TYPE ? value : null;
}
