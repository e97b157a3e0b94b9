/**
 * Whether the event store is busy draining a backlog. Learner records follow the store and give way to it while it
 * is (within HUB_LEARNER_RECORDS_MAX_LAG_MS), so a burst is made durable at full speed and records catch up after.
 * The worker provides it from the ingest queue; without it records never give way.
 */
export abstract class StoreBacklog {
  abstract busy(): Promise<boolean>;
}
