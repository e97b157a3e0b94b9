import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ingestConfig, type IngestConfig } from '@hub/config';
import { EventRepository, isPermanentDataError, type CanonicalEvent } from '@hub/event-store';

interface Pending {
  events: CanonicalEvent[];
  resolve: (stored: Set<string>) => void;
  reject: (err: unknown) => void;
}

/**
 * Micro-batching: the worker runs many jobs at once, and each hands its events here. They are written together
 * in one INSERT … ON CONFLICT DO NOTHING once enough rows are waiting or a few milliseconds have passed, and
 * each job learns which of its own events were new. Up to HUB_WORKER_WRITE_CONCURRENCY batches are written at once,
 * so the database's work on one batch overlaps the next one's round trips. Learner records follow the stored events
 * on their own (LearnerRecordFollower), so the write path is the event insert alone.
 */
@Injectable()
export class EventBatchWriter implements OnModuleDestroy {
  private pending: Pending[] = [];
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly queued: Pending[][] = [];
  private writing = 0;
  private readonly onIdle: (() => void)[] = [];

  constructor(
    private readonly events: EventRepository,
    @Inject(ingestConfig.KEY) private readonly config: IngestConfig,
  ) {}

  write(events: CanonicalEvent[]): Promise<Set<string>> {
    if (events.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      this.pendingRows += events.length;
      if (this.pendingRows >= this.config.workerBatchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.config.workerBatchWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.pendingRows = 0;
    if (batch.length > 0) this.queued.push(batch);
    this.startWrites();
  }

  private startWrites(): void {
    while (this.writing < this.config.workerWriteConcurrency && this.queued.length > 0) {
      const batch = this.queued.shift()!;
      this.writing += 1;
      // writeBatch settles every job of the batch itself and never rejects.
      void this.writeBatch(batch).finally(() => {
        this.writing -= 1;
        this.startWrites();
        if (this.writing === 0 && this.queued.length === 0) this.onIdle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const stored = await this.store(uniqueEvents(batch));
      for (const item of batch) item.resolve(ownShare(item, stored));
    } catch (err) {
      // One job's bad row must not fail its neighbours: write each job alone so only the culprit fails.
      if (batch.length > 1 && isPermanentDataError(err)) return this.writeEachAlone(batch);
      for (const item of batch) item.reject(err);
    }
  }

  private async writeEachAlone(batch: Pending[]): Promise<void> {
    for (const item of batch) {
      try {
        item.resolve(ownShare(item, await this.store(uniqueEvents([item]))));
      } catch (err) {
        item.reject(err);
      }
    }
  }

  private store(events: CanonicalEvent[]): Promise<Set<string>> {
    return this.events.appendMany(events);
  }

  async onModuleDestroy(): Promise<void> {
    this.flush();
    if (this.writing > 0 || this.queued.length > 0) await new Promise<void>((resolve) => this.onIdle.push(resolve));
  }
}

/**
 * The same event can sit in two jobs of one batch (a resend): write it once. Sorted by EventId, so two workers
 * writing overlapping batches wait on each other's rows in the same order instead of deadlocking.
 */
function uniqueEvents(batch: Pending[]): CanonicalEvent[] {
  const unique = new Map<string, CanonicalEvent>();
  for (const item of batch) for (const e of item.events) unique.set(e.EventId, e);
  return [...unique.values()].sort((a, b) => (a.EventId < b.EventId ? -1 : a.EventId > b.EventId ? 1 : 0));
}

/** The ids of this job's events that the write stored; each new id is credited to one job only. */
function ownShare(item: Pending, stored: Set<string>): Set<string> {
  const mine = new Set<string>();
  for (const e of item.events) if (stored.delete(e.EventId)) mine.add(e.EventId);
  return mine;
}
