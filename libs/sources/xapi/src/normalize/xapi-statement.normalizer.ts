import { eventIdFor, FIELD_LIMITS, type CanonicalEvent, type EventCategory } from '@hub/event-store';
import { XAPI_VOIDED_EVENT_FIELD, XAPI_VOIDED_ON_ARRIVAL_FIELD, type XapiVoidedEvent } from '@hub/learner-records';
import { COMPLETED_VERB_ID, VOIDED_VERB_ID } from '../xapi.constants.js';
import { parseTimestamp } from '../statements/formats/timestamp.format.js';
import type { Actor, Statement } from '../statements/statement.types.js';

export interface NormalizeStatementOptions {
  /** The program of the xAPI client that sent the Statement. */
  programId: string;
}

/** A stored Statement cannot become a canonical event; the pipeline dead-letters it with this reason. */
export class XapiNormalizationError extends Error {
  override readonly name = 'XapiNormalizationError';
}

const STATEMENT_CATEGORY: EventCategory = { value: 'xapi-statement', label: 'xAPI statement' };
const VOIDING_CATEGORY: EventCategory = { value: 'xapi-voiding-statement', label: 'xAPI voiding statement' };

/**
 * Maps a stored xAPI Statement to the hub's canonical event (DESIGN.md): system XAPI, the client's program, the
 * Statement id as publisher event id, the verb as event type, the actor as participant and the Statement's timestamp as
 * a single-instant event. The Statement itself is kept untouched as PublisherEventData. The EventId is derived from
 * (XAPI, program, statement id), so a Statement redelivered through the pipeline gets the same event.
 */
export function normalizeStatement(statement: Statement, options: NormalizeStatementOptions): CanonicalEvent {
  if (!statement.id) throw new XapiNormalizationError('the Statement has no id; normalize stored Statements only');
  const statementId = statement.id.toLowerCase();
  const start = eventStartUtc(statement);
  return {
    EventId: eventIdFor('XAPI', options.programId, [statementId]),
    PublisherProgramId: options.programId,
    PublisherSystemId: 'XAPI',
    EventType: eventTypeForVerb(statement.verb.id),
    PublisherEventId: statementId,
    PublisherParticipantId: participantId(statement.actor),
    PublisherEventCategory: statement.verb.id === VOIDED_VERB_ID ? VOIDING_CATEGORY : STATEMENT_CATEGORY,
    PublisherEventData: statement,
    EventStartUtc: start,
    EventEndUtc: start,
  };
}

/**
 * `completed` for the ADL completed verb; otherwise the verb's own name: the fragment of its IRI when it has one
 * (`…/verbs#defenestrated`), else the last path segment (or the last part of a URN), cut to the 50 characters of
 * EventType.
 */
export function eventTypeForVerb(verbId: string): string {
  if (verbId === COMPLETED_VERB_ID) return 'completed';
  const [withoutFragment = '', fragment] = verbId.split('#', 2);
  const path = withoutFragment.split('?')[0] ?? '';
  const segment = fragment || path.split(/[/:]/).filter(Boolean).pop() || verbId;
  return safeDecode(segment).slice(0, FIELD_LIMITS.EventType);
}

/**
 * Whom the event is about. The imc partners identify learners by email, so mbox wins: the address without `mailto:`,
 * lower-cased. Without mbox: `homePage|name` of an account, the openid, or the mbox_sha1sum as sent. An Anonymous Group
 * has no identity of its own and is represented by its members' ids, sorted and comma-separated.
 */
export function participantId(actor: Actor): string {
  const id = identify(actor);
  if (id.length > FIELD_LIMITS.PublisherParticipantId) {
    throw new XapiNormalizationError(`the actor's id is longer than ${FIELD_LIMITS.PublisherParticipantId} characters`);
  }
  return id;
}

function identify(actor: Actor): string {
  if (actor.mbox !== undefined) return actor.mbox.replace(/^mailto:/i, '').trim().toLowerCase();
  if (actor.account !== undefined) return `${actor.account.homePage}|${actor.account.name}`;
  if (actor.openid !== undefined) return actor.openid;
  if (actor.mbox_sha1sum !== undefined) return actor.mbox_sha1sum;
  if (actor.objectType === 'Group' && actor.member && actor.member.length > 0) {
    return actor.member.map(identify).sort().join(',');
  }
  throw new XapiNormalizationError('the actor has no identifier');
}

/** The Statement's timestamp in UTC; lower-case `z` and offsets are accepted. A stored Statement always has one. */
function eventStartUtc(statement: Statement): string {
  const source = statement.timestamp ?? statement.stored;
  const parsed = source === undefined ? undefined : parseTimestamp(source);
  if (!parsed) throw new XapiNormalizationError('the Statement has no valid timestamp');
  return parsed.utc;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The Activity a Statement is about, when its object is one: the learning object of a learner record. */
export function statementActivityId(statement: Statement): string | undefined {
  const object = statement.object;
  return object.objectType === undefined || object.objectType === 'Activity' ? object.id : undefined;
}

/**
 * The event of a voiding Statement with the event of the Statement it voids beside the Statement (DESIGN.md's
 * PublisherEventData is the Statement; this one hub field is added): the voided Statement's EventId, participant,
 * time, and its verb, object and result. The learner-record mapping needs them to take the voided Statement's facts
 * back from its record, and the voiding Statement's own actor may be someone else. Null when the voided Statement
 * cannot be normalized (then the void has no record to act on).
 */
export function withVoidedEvent(voiding: CanonicalEvent, voided: Statement, options: NormalizeStatementOptions): CanonicalEvent | null {
  let event: CanonicalEvent;
  try {
    event = normalizeStatement(voided, options);
  } catch (err) {
    if (err instanceof XapiNormalizationError) return null;
    throw err;
  }
  const summary: XapiVoidedEvent = {
    EventId: event.EventId,
    PublisherEventId: event.PublisherEventId,
    PublisherParticipantId: event.PublisherParticipantId,
    EventStartUtc: event.EventStartUtc,
    PublisherEventData: { verb: voided.verb, object: voided.object, ...(voided.result === undefined ? {} : { result: voided.result }) },
  };
  return { ...voiding, PublisherEventData: { ...(voiding.PublisherEventData as object), [XAPI_VOIDED_EVENT_FIELD]: summary } };
}

/** The event of a Statement the LRS stored as voided (its voiding Statement came first): marked, so it gives no learner facts. */
export function markedVoidedOnArrival(event: CanonicalEvent): CanonicalEvent {
  return { ...event, PublisherEventData: { ...(event.PublisherEventData as object), [XAPI_VOIDED_ON_ARRIVAL_FIELD]: true } };
}
