import { decodeMoreCursor, encodeMoreCursor } from './more-cursor.js';

describe('the more cursor', () => {
  const cursor = {
    query: { verb: 'http://adlnet.gov/expapi/verbs/completed', limit: '2', agent: '{"mbox":"mailto:a@b.c"}' },
    bound: '2024-03-01T14:30:00.000Z',
    after: { stored: '2024-03-01T14:29:59.123Z', seq: '42' },
  };

  it('round-trips and is URL-safe', () => {
    const encoded = encodeMoreCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMoreCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of something else', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad sequence number', Buffer.from(JSON.stringify([{}, cursor.bound, cursor.after.stored, '1; DROP'])).toString('base64url')],
    ['a non-string parameter', Buffer.from(JSON.stringify([{ limit: 2 }, cursor.bound, cursor.after.stored, '1'])).toString('base64url')],
    ['a bad timestamp', Buffer.from(JSON.stringify([{}, 'yesterday', cursor.after.stored, '1'])).toString('base64url')],
  ])('rejects %s', (_name, value) => {
    expect(decodeMoreCursor(value)).toBeUndefined();
  });
});
