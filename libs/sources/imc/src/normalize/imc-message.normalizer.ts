import { eventIdFor, FIELD_LIMITS, type CanonicalEvent } from '@hub/event-store';
import { canonicalBodyHash } from '../messages/canonical-json.js';
import { decodeImcBody } from '../messages/imc-body.decoder.js';
import { parseImcMessage } from '../messages/imc-message.parser.js';
import type { ImcMessage } from '../messages/imc-message.types.js';
import type { JsonObject } from '../messages/json-value.js';
import { rejection, type ImcFailure } from '../messages/imc-rejection.js';
import { IMC_EVENT_CATEGORIES, imcEventTypeOf } from './imc-event-types.js';
import { imcPublisherEventId } from './imc-publisher-event-id.js';

export interface ImcInboundMessage {
  /** The topic (or broker address) the message was read from. */
  topic: string;
  /** The body as the transport delivered it (see decodeImcBody). */
  body: unknown;
}

export interface ImcNormalizeOptions {
  /** `IMC_PROGRAM_ID`: the program that owns imc events. */
  programId: string;
}

export type ImcNormalizeResult =
  | {
      ok: true;
      events: CanonicalEvent[];
      /** The typed message, for the learner-record and course-catalogue updates. */
      message: ImcMessage;
      /** SHA-256 of the canonical body: the imc part of the idempotency key. */
      bodyHash: string;
    }
  | ImcFailure;

/** A message that can become an event: its JSON, the typed message and its PublisherEventId. */
export type ImcCheckResult = { ok: true; json: JsonObject; message: ImcMessage; publisherEventId: string } | ImcFailure;

/**
 * Whether one imc message can become a canonical event, and the reason when it cannot (for the dead-letter store):
 * everything normalizeImcMessage checks, without building the event. The consumer runs this on every message.
 */
export function checkImcMessage(inbound: ImcInboundMessage, options: ImcNormalizeOptions): ImcCheckResult {
  const { programId } = options;
  if (programId.trim() === '' || programId.length > FIELD_LIMITS.PublisherProgramId) {
    return rejection('invalid_program', `the program id must have 1 to ${FIELD_LIMITS.PublisherProgramId} characters`, 'PublisherProgramId');
  }
  const decoded = decodeImcBody(inbound.body);
  if (!decoded.ok) return decoded;
  const parsed = parseImcMessage(inbound.topic, decoded.json);
  if (!parsed.ok) return parsed;
  const message = parsed.message;

  const publisherEventId = imcPublisherEventId(message);
  const tooLong = checkLength('PublisherParticipantId', message.participantId) ?? checkLength('PublisherEventId', publisherEventId);
  if (tooLong) return tooLong;
  return { ok: true, json: decoded.json, message, publisherEventId };
}

/**
 * One imc message → one canonical event, or the reason it cannot be one (for the dead-letter store). Pure: the same
 * message gives the same event, whichever topic and body encoding it came with.
 */
export function normalizeImcMessage(inbound: ImcInboundMessage, options: ImcNormalizeOptions): ImcNormalizeResult {
  const checked = checkImcMessage(inbound, options);
  if (!checked.ok) return checked;
  const { json, message, publisherEventId } = checked;
  const { programId } = options;

  // The topic is left out on purpose: the same registration change arrives on two topics and must be stored once.
  const bodyHash = canonicalBodyHash(json);
  const event: CanonicalEvent = {
    EventId: eventIdFor('IMC', programId, [bodyHash]),
    PublisherProgramId: programId,
    PublisherSystemId: 'IMC',
    EventType: imcEventTypeOf(message),
    PublisherEventId: publisherEventId,
    PublisherParticipantId: message.participantId,
    PublisherEventCategory: { ...IMC_EVENT_CATEGORIES[message.kind] },
    PublisherEventData: json,
    EventStartUtc: message.sentAtUtc,
    EventEndUtc: message.sentAtUtc,
  };
  return { ok: true, events: [event], message, bodyHash };
}

function checkLength(field: 'PublisherParticipantId' | 'PublisherEventId', value: string): ImcFailure | undefined {
  const limit = FIELD_LIMITS[field];
  return value.length > limit ? rejection('field_too_long', `${field} would have ${value.length} characters, more than ${limit}`, field) : undefined;
}
