import type { CanonicalEvent, PublisherSystemId } from '@hub/event-store';
import type { LearnerFact } from './learner-fact.js';
import { mapAlmEvent } from './map-alm-event.js';
import { mapImcEvent } from './map-imc-event.js';
import { mapLbEvent } from './map-lb-event.js';
import { mapXapiEvent } from './map-xapi-event.js';

const MAPPERS: Readonly<Record<PublisherSystemId, (event: CanonicalEvent) => LearnerFact[]>> = {
  LB: mapLbEvent,
  ALM: mapAlmEvent,
  IMC: mapImcEvent,
  XAPI: mapXapiEvent,
};

/**
 * The learner facts of any canonical event; [] when it does not concern a learner record. The mappers read payloads
 * defensively and do not throw on odd data, so an unusable payload yields [] and stays only in the event log.
 */
export function factsFromEvent(event: CanonicalEvent): LearnerFact[] {
  const mapper = MAPPERS[event.PublisherSystemId];
  return mapper ? mapper(event) : [];
}
