import type { CanonicalEvent, PublisherSystemId } from '@hub/event-store';
import type { IngestPayload } from '../queue/ingest-queue.constants.js';

/** Turns one accepted payload of a source into canonical events. Throws UnprocessablePayloadError for payloads that can never succeed. */
export interface SourceNormalizer {
  readonly source: PublisherSystemId;
  normalize(payload: IngestPayload): CanonicalEvent[] | Promise<CanonicalEvent[]>;
}

/** A payload that no retry can fix (malformed, fails validation): it goes to the dead-letter store at once. */
export class UnprocessablePayloadError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UnprocessablePayloadError';
  }
}
