import { createHash } from 'node:crypto';
import { uuidV5 } from './uuid-v5.js';

/** The textbook construction (RFC 4122 section 4.3), to check the fast one against. */
function referenceUuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

describe('uuidV5', () => {
  it('matches the RFC 4122 / Python uuid.uuid5 reference values', () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') and uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com/ä')
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('equals the textbook construction for every variant digit and non-ASCII names', () => {
    const namespace = '6f1c1b4e-5d0a-4c36-9a53-3f8e2a7c9d10';
    const names = Array.from({ length: 200 }, (_, i) => `["LB","NURSING","AI:${i}","AI_COMP_SUCCESS","2024-03-01T14:30:00Z"] ä ✓ ${i}`);
    for (const name of names) expect(uuidV5(name, namespace)).toBe(referenceUuidV5(name, namespace));
  });
});
