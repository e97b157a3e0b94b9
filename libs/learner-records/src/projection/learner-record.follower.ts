import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ingestConfig, type IngestConfig } from '@hub/config';
import { EventRepository, isPermanentDataError, type StoredEvent } from '@hub/event-store';
import { HubMetrics } from '@hub/observability';
import { LEARNER_RECORDS_PROJECTION, ProjectionCheckpointRepository } from '../persistence/projection-checkpoint.repository.js';
import { LearnerRecordProjector } from './learner-record.projector.js';
import { StoreBacklog } from './store-backlog.js';

/** Events per projection transaction: enough that a batch's handful of statements is cheap per event. */
const PAGE_SIZE = 1_000;
/** How often an idle worker looks for new events. */
const IDLE_POLL_MS = 100;
/** How long records wait before they look again, while they give way to the store draining a backlog. */
const GIVE_WAY_MS = 50;
const MAX_BACKOFF_MS = 30_000;

interface Step {
  /** Events taken in (or skipped) by this step. */
  events: number;
  /** Another worker holds the projection. */
  busyElsewhere: boolean;
  last?: StoredEvent;
}

/**
 * Keeps learner records by following the event feed, behind the writers instead of inside their transactions: the
 * worker stores events at the event store's own speed, and records follow in large batches, typically well under a
 * second behind. Each step is one transaction that takes the projection's lock (one worker projects at a time, the
 * others stand by), reads the next page of the feed up to its horizon, projects it and moves the checkpoint, so
 * records and checkpoint commit together: a crash replays at most the page in flight, and replaying is harmless
 * because a fact already taken in changes nothing.
 *
 * While the ingest queue holds a backlog, records give way to the store (StoreBacklog) until they are
 * HUB_LEARNER_RECORDS_MAX_LAG_MS behind; then they take their share again. A burst is thus stored at the event store's
 * full speed, and under sustained overload records stay within that bound.
 *
 * An event the projection cannot take in (a data error on its own) is skipped after the page it sat in has been
 * retried event by event; it stays in the log, the skip is logged and counted, and a rebuild repairs its record.
 */
@Injectable()
export class LearnerRecordFollower implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LearnerRecordFollower.name);
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** Events still to take in one at a time, after a page failed with a data error. */
  private isolating = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    private readonly projector: LearnerRecordProjector,
    private readonly checkpoints: ProjectionCheckpointRepository,
    private readonly metrics: HubMetrics,
    @Inject(ingestConfig.KEY) private readonly config: IngestConfig,
    @Optional() private readonly backlog?: StoreBacklog,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.learnerRecords) this.running = this.run();
    else this.logger.warn('HUB_LEARNER_RECORDS=off: this worker does not keep learner records');
  }

  /** Finishes the step in flight while the database connection is still open. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const limit = this.isolating > 0 ? 1 : PAGE_SIZE;
      try {
        if (await this.givingWay()) {
          await this.pause(GIVE_WAY_MS);
          continue;
        }
        const step = await this.step(limit);
        failures = 0;
        this.isolating = Math.max(0, this.isolating - step.events);
        this.report(step, limit);
        if (step.events < limit) await this.pause(IDLE_POLL_MS);
      } catch (err) {
        failures += 1;
        if (isPermanentDataError(err) && limit > 1) {
          this.isolating = limit;
          this.logger.warn({ err: (err as Error).message }, 'a page of events failed to project; taking it in event by event');
        } else if (isPermanentDataError(err)) {
          await this.skipNext(err as Error);
          failures = 0;
        } else {
          const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(failures, 10));
          this.logger.warn({ attempt: failures, retryInMs: delay, err: (err as Error).message }, 'learner-record projection failed; retrying');
          await this.pause(delay);
        }
      }
    }
  }

  /** True while the store drains a backlog and records are less than the allowed lag behind it. */
  private async givingWay(): Promise<boolean> {
    if (!this.backlog || this.isolating > 0 || !(await this.backlog.busy())) return false;
    const lagMs = await this.checkpoints.oldestUnprojectedAgeMs(LEARNER_RECORDS_PROJECTION);
    if (lagMs !== null) this.metrics.learnerRecordsBehindSeconds.set(lagMs / 1000);
    return lagMs !== null && lagMs < this.config.learnerRecordsMaxLagMs;
  }

  /** One transaction: take the lock, read the next page after the checkpoint, project it, move the checkpoint. */
  private step(limit: number): Promise<Step> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.checkpoints.tryLock(LEARNER_RECORDS_PROJECTION, manager))) return { events: 0, busyElsewhere: true };
      const after = await this.checkpoints.read(LEARNER_RECORDS_PROJECTION, manager);
      const page = await this.events.followFeed(after, limit, manager);
      if (page.events.length === 0) return { events: 0, busyElsewhere: false };
      await this.projector.project(page.events, manager);
      await this.checkpoints.save(LEARNER_RECORDS_PROJECTION, page.next, manager);
      return { events: page.events.length, busyElsewhere: false, last: page.events.at(-1) };
    });
  }

  /** Moves the checkpoint past the next event without projecting it. */
  private async skipNext(cause: Error): Promise<void> {
    const skipped = await this.dataSource.transaction(async (manager) => {
      if (!(await this.checkpoints.tryLock(LEARNER_RECORDS_PROJECTION, manager))) return undefined;
      const page = await this.events.followFeed(await this.checkpoints.read(LEARNER_RECORDS_PROJECTION, manager), 1, manager);
      if (page.events.length > 0) await this.checkpoints.save(LEARNER_RECORDS_PROJECTION, page.next, manager);
      return page.events[0];
    });
    if (!skipped) return;
    this.isolating = Math.max(0, this.isolating - 1);
    this.metrics.learnerRecordsSkipped.inc();
    this.logger.error(
      { eventId: skipped.EventId, source: skipped.PublisherSystemId, err: cause.message },
      'event not taken into learner records (it stays in the log; POST /admin/learner-records/rebuild after a fix)',
    );
  }

  private report(step: Step, limit: number): void {
    if (step.events > 0) this.metrics.learnerRecordsProjected.inc(step.events);
    if (step.busyElsewhere) return;
    const behind = step.events === limit && step.last ? (Date.now() - Date.parse(step.last.CreatedUtc)) / 1000 : 0;
    this.metrics.learnerRecordsBehindSeconds.set(Math.max(0, behind));
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
