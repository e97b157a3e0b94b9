import { FIELD_LIMITS } from '@hub/event-store';
import { idText } from '../ids/alm-ids.js';
import type { AlmDelivery, AlmDeliveryParseResult } from './alm-delivery.types.js';
import { parseJsonLeniently } from './lenient-json.js';
import { readAlmEvent } from './read-alm-event.js';
import { isJsonObject, sanitizeJson } from './safe-json-tree.js';

/**
 * Deepest nesting a delivery may have. The envelope needs 4 (delivery, events, event, data); the margin is
 * for fields ALM may add, the bound keeps hostile bodies from costing recursion anywhere downstream.
 */
export const ALM_MAX_NESTING_DEPTH = 64;

const utf8 = new TextDecoder('utf-8'); // drops a leading BOM; invalid bytes become U+FFFD, the raw bytes stay with the caller

/**
 * Reads an ALM webhook body `{accountId, events: [...]}` the way ALM's documented samples need: strict JSON,
 * else after removing trailing commas; times in any of the three styles; unknown event names kept.
 *
 * `ok: false` means the delivery as a whole cannot be read (not JSON even leniently, too deep, not an object,
 * no usable `accountId`, `events` missing or not an array): the caller dead-letters the raw bytes.
 * `ok: true` may still carry `delivery.rejected`: single events that cannot be stored, each with its reason
 * and its content, for the dead-letter store; the delivery's other events are stored as usual.
 */
export function parseAlmDelivery(raw: Buffer | Uint8Array | string): AlmDeliveryParseResult {
  const text = typeof raw === 'string' ? raw.replace(/^\uFEFF/, '') : utf8.decode(raw);
  if (text.trim() === '') return { ok: false, reason: 'empty_body', detail: 'the body is empty' };

  const parsed = parseJsonLeniently(text, ALM_MAX_NESTING_DEPTH);
  if (!parsed.ok) return parsed;
  const { value: body, droppedKeys } = sanitizeJson(parsed.value);
  const warnings = droppedKeys.map((path) => `removed key ${path}`);
  if (parsed.lenient) warnings.unshift('body parsed leniently (trailing commas removed)');

  if (!isJsonObject(body)) return { ok: false, reason: 'not_an_object', detail: 'the body must be a JSON object' };

  const accountIdRaw = body.accountId;
  const accountId = idText(accountIdRaw);
  if (accountId === null) return { ok: false, reason: 'missing_field', field: 'accountId', detail: 'accountId is missing' };
  if (!accountId.ok) return { ok: false, reason: 'invalid_field', field: 'accountId', detail: accountId.problem };
  if (accountId.text.length > FIELD_LIMITS.PublisherEventId) {
    return { ok: false, reason: 'too_long', field: 'accountId', detail: 'accountId is implausibly long' };
  }
  if (body.events === undefined || body.events === null) {
    return { ok: false, reason: 'missing_field', field: 'events', detail: 'events is missing' };
  }
  if (!Array.isArray(body.events)) {
    return { ok: false, reason: 'invalid_field', field: 'events', detail: 'events must be an array' };
  }

  const delivery: AlmDelivery = {
    accountId: accountId.text,
    accountIdRaw: accountIdRaw as string | number,
    events: [],
    rejected: [],
    lenient: parsed.lenient,
    warnings,
  };
  body.events.forEach((item, index) => {
    const read = readAlmEvent(item, index, accountId.text);
    if (read.ok) {
      delivery.events.push(read.event);
      delivery.warnings.push(...read.warnings);
    } else {
      delivery.rejected.push(read.rejected);
    }
  });
  return { ok: true, delivery };
}
