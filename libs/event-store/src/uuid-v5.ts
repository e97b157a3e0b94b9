import { createHash } from 'node:crypto';

/** Namespaces as bytes: there are a handful, and an event id is made for every event. */
const namespaceBytes = new Map<string, Buffer>();

function bytesOf(namespace: string): Buffer {
  let bytes = namespaceBytes.get(namespace);
  if (!bytes) namespaceBytes.set(namespace, (bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex')));
  return bytes;
}

/** RFC 4122 name-based UUID (version 5, SHA-1), straight on node:crypto: it runs for every event, so it stays lean. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
