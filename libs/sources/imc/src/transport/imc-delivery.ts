import type { ImcBroker } from '@hub/config';
import type { ImcTopic } from '../imc-topics.js';

/** One message as a broker profile hands it to the @EventPattern handlers (their payload). */
export interface ImcDelivery {
  topic: ImcTopic;
  /** Where it was read from: the queue, FQQN or subscription path, for logs and dead letters. */
  address: string;
  broker: ImcBroker;
  /** The body exactly as the client library surfaced it (see decodeImcBody for the shapes). */
  body: unknown;
  contentType?: string;
  messageId?: string;
  /** The broker says it delivered this message before (first-acquirer false, or a delivery count above zero). */
  redelivered: boolean;
  deliveryCount: number;
  receivedUtc: string;
}

// AMQP data section descriptor, as rhea surfaces it.
const AMQP_DATA = 0x75;

/**
 * The bytes of a body as received, for the dead-letter store: binary and data sections as they are, strings as
 * UTF-8, and (only for a decoded AMQP map, which has no bytes of its own) its JSON.
 */
export function rawBodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  const section = body as { typecode?: unknown; content?: unknown; multiple?: unknown };
  if (section.typecode === AMQP_DATA) {
    const parts = section.multiple && Array.isArray(section.content) ? section.content : [section.content];
    if (parts.every((part) => part instanceof Uint8Array)) return Buffer.concat(parts as Uint8Array[]);
  }
  try {
    return Buffer.from(JSON.stringify(body) ?? String(body), 'utf8');
  } catch {
    return Buffer.from(String(body), 'utf8');
  }
}

/** The body as text for the pipeline job (which carries the raw body, not a re-serialization of what was parsed). */
export function rawBodyText(body: unknown): string {
  return typeof body === 'string' ? body : rawBodyBytes(body).toString('utf8');
}
