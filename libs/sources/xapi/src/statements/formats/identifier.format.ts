/**
 * Best-effort checks for the string formats of Data 2.2.s4.b1.b4 (UUID, IRI, IRL, mailto IRI, hashes, media types).
 * Data 2.2.s4.b6 allows best effort for IRIs; what must be caught is a missing or malformed scheme
 * (Data 2.2.s4.b1.b8) and whitespace, which no IRI may contain.
 */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// RFC 3987 scheme, then at least one character that is legal somewhere in an IRI (non-ASCII is allowed in IRIs).
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s"<>\\^`{|}]+$/u;

const MAILTO = /^mailto:[^\s@:/?#]+@[^\s@/?#]+$/;

const SHA1_HEX = /^[0-9a-fA-F]{40}$/;

// SHA-224, SHA-256, SHA-384 and SHA-512 in hex (Communication 1.5.2.s4.b4).
const SHA2_HEX = /^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$/;

// RFC 2045 token/token with optional parameters.
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(?:\\s*;\\s*${TOKEN}=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))*\\s*;?\\s*$`);

// "1.0" or "1.0.x" (Data 2.4.10.s3, Communication 3.3.s3).
const VERSION_1_0 = /^1\.0(?:\.\d+)?$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isIri(value: unknown): value is string {
  return typeof value === 'string' && IRI.test(value);
}

/** An IRL is an IRI that locates something; telling the two apart is beyond best effort, so the syntax is shared. */
export function isIrl(value: unknown): value is string {
  return isIri(value);
}

export function isMailtoIri(value: unknown): value is string {
  return typeof value === 'string' && MAILTO.test(value);
}

export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA1_HEX.test(value);
}

export function isSha2Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA2_HEX.test(value);
}

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_TYPE.test(value);
}

/** The type/subtype of a media type, lower-cased, without parameters. */
export function mediaTypeEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

export function isXapiVersion(value: unknown): value is string {
  return typeof value === 'string' && VERSION_1_0.test(value);
}
