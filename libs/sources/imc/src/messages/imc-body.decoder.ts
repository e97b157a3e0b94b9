import { rejection, type ImcFailure } from './imc-rejection.js';
import type { JsonObject } from './json-value.js';
import { toPlainJsonObject } from './plain-json.js';

/** Far above any imc message (a course with HTML description and contents); protects the worker from a runaway body. */
export const IMC_MAX_BODY_BYTES = 4 * 1024 * 1024;

// AMQP 1.0 body section descriptors (OASIS AMQP 1.0, part 3.2).
const AMQP_DATA = 0x75;
const AMQP_SEQUENCE = 0x76;
const AMQP_VALUE = 0x77;

export type ImcBodyDecodeResult = { ok: true; json: JsonObject } | ImcFailure;

/**
 * Turns whatever the transport handed over into the JSON object imc sent. imc's JSON reaches us as:
 * - an AMQP value: an object (rhea decoded a map) or a string;
 * - one or several AMQP data sections, which rhea surfaces as `{typecode: 0x75, content: Buffer | Buffer[], multiple?}`;
 * - a Buffer / Uint8Array / ArrayBuffer (Azure Service Bus SDK, or a data section taken apart by the caller);
 * - a Buffer that went through JSON (`{type: 'Buffer', data: number[]}`), as when a job payload was serialized.
 * Never throws: every failure is a typed reason.
 */
export function decodeImcBody(body: unknown): ImcBodyDecodeResult {
  if (body === undefined || body === null) return rejection('empty_body', 'the message has no body');
  if (typeof body === 'string') return fromText(body);
  const bytes = asBytes(body);
  if (bytes) return fromBytes(bytes);
  if (isAmqpSection(body)) return fromSection(body);
  if (typeof body === 'object') return toPlainJsonObject(body);
  return rejection('unsupported_body', `a ${typeof body} body cannot hold an imc JSON message`);
}

interface AmqpSection {
  typecode: number;
  content: unknown;
  multiple?: boolean;
}

function isAmqpSection(body: object): body is AmqpSection {
  const candidate = body as Partial<AmqpSection>;
  return typeof candidate.typecode === 'number' && 'content' in body;
}

function fromSection(section: AmqpSection): ImcBodyDecodeResult {
  if (section.typecode === AMQP_VALUE) return decodeImcBody(section.content);
  if (section.typecode === AMQP_SEQUENCE) {
    return rejection('unsupported_body', 'an amqp-sequence body cannot hold an imc JSON message');
  }
  if (section.typecode !== AMQP_DATA) {
    return rejection('unsupported_body', `unknown AMQP body section 0x${section.typecode.toString(16)}`);
  }
  // rhea joins several data sections of one message into an array; together they are one payload.
  const parts = section.multiple && Array.isArray(section.content) ? section.content : [section.content];
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const chunk = asBytes(part);
    if (!chunk) return rejection('unsupported_body', 'an AMQP data section whose content is not binary');
    chunks.push(chunk);
  }
  return fromBytes(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

function asBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (isSerializedBuffer(value)) return Uint8Array.from(value.data);
  return undefined;
}

/** `Buffer#toJSON()` output. Exactly two keys and byte values, so a real imc message can never be mistaken for it. */
function isSerializedBuffer(value: unknown): value is { type: 'Buffer'; data: number[] } {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as { type?: unknown; data?: unknown };
  return (
    candidate.type === 'Buffer' &&
    Array.isArray(candidate.data) &&
    Object.keys(value).length === 2 &&
    candidate.data.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function fromBytes(bytes: Uint8Array): ImcBodyDecodeResult {
  if (bytes.byteLength > IMC_MAX_BODY_BYTES) return tooLarge(bytes.byteLength);
  let text: string;
  try {
    text = utf8.decode(bytes); // also drops a UTF-8 byte order mark
  } catch {
    return rejection('invalid_utf8', 'the body bytes are not valid UTF-8');
  }
  return fromText(text);
}

function fromText(raw: string): ImcBodyDecodeResult {
  if (raw.length > IMC_MAX_BODY_BYTES || Buffer.byteLength(raw, 'utf8') > IMC_MAX_BODY_BYTES) {
    return tooLarge(Buffer.byteLength(raw, 'utf8'));
  }
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') return rejection('empty_body', 'the body is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return rejection('invalid_json', `the body is not JSON: ${(error as Error).message}`);
  }
  return toPlainJsonObject(parsed);
}

function tooLarge(size: number) {
  return rejection('body_too_large', `the body has ${size} bytes, more than the ${IMC_MAX_BODY_BYTES} accepted`);
}
