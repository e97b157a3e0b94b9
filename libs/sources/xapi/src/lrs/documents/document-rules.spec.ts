import { documentEtag, mergeJsonDocuments, preconditionFails } from './document-rules.js';

const json = (value: unknown) => ({ contentType: 'application/json', content: Buffer.from(JSON.stringify(value)) });

describe('document ETags and preconditions (Communication 3.1)', () => {
  const etag = documentEtag(Buffer.from('{"a":1}'));

  it('is the SHA-1 of the content in hex', () => {
    expect(etag).toMatch(/^[0-9a-f]{40}$/);
  });

  it('applies If-Match', () => {
    expect(preconditionFails(etag, `"${etag}"`, undefined)).toBe(false);
    expect(preconditionFails(etag, `W/"${etag}", "other"`, undefined)).toBe(false);
    expect(preconditionFails(etag, '"1111111111111111111111111111111111111111"', undefined)).toBe(true);
    expect(preconditionFails(etag, '*', undefined)).toBe(false);
    expect(preconditionFails(undefined, '*', undefined)).toBe(true);
  });

  it('applies If-None-Match', () => {
    expect(preconditionFails(undefined, undefined, '*')).toBe(false);
    expect(preconditionFails(etag, undefined, '*')).toBe(true);
    expect(preconditionFails(etag, undefined, `"${etag}"`)).toBe(true);
    expect(preconditionFails(etag, undefined, '"other"')).toBe(false);
  });
});

describe('document merge (Communication 2.2.s7)', () => {
  it('replaces top-level properties and keeps the others', () => {
    const merged = mergeJsonDocuments(json({ car: { make: 'Ford' }, driver: 'Dale' }), json({ car: { model: 'Ram' }, type: 'Civic' }));
    expect(merged.ok && JSON.parse(merged.content.toString())).toEqual({ car: { model: 'Ram' }, driver: 'Dale', type: 'Civic' });
  });

  it('keeps a "__proto__" key as a property', () => {
    const merged = mergeJsonDocuments(json({ a: 1 }), { contentType: 'application/json', content: Buffer.from('{"__proto__":{"x":1}}') });
    expect(merged.ok && merged.content.toString()).toBe('{"a":1,"__proto__":{"x":1}}');
  });

  it.each([
    ['a stored non-JSON document', { contentType: 'application/octet-stream', content: Buffer.from('abc') }, json({ a: 1 })],
    ['a posted non-JSON document', json({ a: 1 }), { contentType: 'application/x-www-form-urlencoded', content: Buffer.from('abc') }],
    ['posted JSON that does not parse', json({ a: 1 }), { contentType: 'application/json', content: Buffer.from('{"a":') }],
    ['a posted JSON array', json({ a: 1 }), json([1])],
  ])('refuses %s', (_name, stored, posted) => {
    expect(mergeJsonDocuments(stored, posted).ok).toBe(false);
  });
});
