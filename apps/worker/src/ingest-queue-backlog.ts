import { Injectable } from '@nestjs/common';
import { StoreBacklog } from '@hub/learner-records';
import { IngestProcessor, IngestQueue } from '@hub/pipeline';

/**
 * The store is busy while this worker has ingest jobs in hand (records would take the same event loop and database)
 * or jobs wait in the ingest queue for any worker. Under moderate load there are idle moments between jobs, and
 * records use them; under a backlog there are none, and records wait until their lag bound.
 */
@Injectable()
export class IngestQueueBacklog extends StoreBacklog {
  constructor(
    private readonly processor: IngestProcessor,
    private readonly ingest: IngestQueue,
  ) {
    super();
  }

  async busy(): Promise<boolean> {
    if (this.processor.inFlight > 0) return true;
    // Redis away: nothing can be drained either, so records need not wait for the store.
    return this.ingest.queue.getWaitingCount().then((waiting) => waiting > 0, () => false);
  }
}
