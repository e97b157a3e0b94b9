import type { FeedCursor } from './feed-cursor.js';

/** Filters of GET /api/v1/events, already scoped to the caller's programs. */
export interface EventQuery {
  programIds: readonly string[];
  systemId?: string;
  eventType?: string;
  participantId?: string;
  publisherEventId?: string;
  categoryValue?: string;
  from?: Date;
  to?: Date;
  after: FeedCursor;
  limit: number;
}
