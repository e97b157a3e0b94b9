import { uuidV5 } from './uuid-v5.js';
import type { PublisherSystemId } from './canonical-event.js';

/** Fixed namespace for the hub's UUIDv5 event ids. Changing it would change every EventId: never do. */
const EVENT_ID_NAMESPACE = '6f1c1b4e-5d0a-4c36-9a53-3f8e2a7c9d10';

/**
 * The permanent idempotency key: system and program first (two programs fed by the same source keep their own
 * copy), then the source's own identity of the event. Parts are JSON-encoded so no separator can collide.
 */
export function idempotencyKey(system: PublisherSystemId, programId: string, sourceIdentity: readonly string[]): string {
  return JSON.stringify([system, programId, ...sourceIdentity]);
}

/** `{PublisherProgramId}-{UUIDv5(idempotency key)}`: a redelivered event always gets the same id. */
export function eventIdFor(system: PublisherSystemId, programId: string, sourceIdentity: readonly string[]): string {
  return `${programId}-${uuidV5(idempotencyKey(system, programId, sourceIdentity), EVENT_ID_NAMESPACE)}`;
}
