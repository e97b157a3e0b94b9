import { hash } from 'node:crypto';

/** Namespaces as bytes: there are a handful, and an event id is made for every event. */
const namespaceBytes = new Map<string, Buffer>();

function bytesOf(namespace: string): Buffer {
  let bytes = namespaceBytes.get(namespace);
  if (!bytes) namespaceBytes.set(namespace, (bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex')));
  return bytes;
}

/**
 * RFC 4122 name-based UUID (version 5, SHA-1), straight on node:crypto: it runs for every event, so it stays lean.
 * One-shot hash() to hex, then the version and variant set in the text: a Hash object and a digest Buffer per id
 * cost more than the SHA-1 itself.
 */
export function uuidV5(name: string, namespace: string): string {
  const ns = bytesOf(namespace);
  const input = Buffer.allocUnsafe(ns.length + Buffer.byteLength(name, 'utf8'));
  ns.copy(input);
  input.write(name, ns.length, 'utf8');
  const hex = hash('sha1', input, 'hex');
  // Version 5 in the 13th hex digit; variant 10xx in the two high bits of the 17th.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
