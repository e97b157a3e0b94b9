import { decodeRecordCursor, encodeRecordCursor, recordsNextLink } from './record-cursor.js';

describe('learner record cursors', () => {
  it('round-trip a record id and reject anything else', () => {
    expect(decodeRecordCursor(encodeRecordCursor(123456789012345n))).toBe(123456789012345n);
    expect(decodeRecordCursor(encodeRecordCursor(0n))).toBe(0n);
    expect(decodeRecordCursor('bm90LWEtY3Vyc29y')).toBeNull();
    expect(decodeRecordCursor(Buffer.from('r.-1').toString('base64url'))).toBeNull();
    expect(decodeRecordCursor('x'.repeat(65))).toBeNull();
  });

  it('link the next page with the same filters', () => {
    const link = recordsNextLink('https://hub.example', { Status: 'COMPLETED', limit: 50, after: 'old', PublisherSystemId: undefined }, 42n);
    expect(link).toBe(`<https://hub.example/api/v1/learner-records?Status=COMPLETED&limit=50&after=${encodeRecordCursor(42n)}>; rel="next"`);
  });
});
