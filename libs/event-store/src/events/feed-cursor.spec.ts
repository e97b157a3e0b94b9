import { decodeCursor, encodeCursor } from './feed-cursor.js';

describe('feed cursor', () => {
  it('round-trips', () => {
    const cursor = { txId: 9007199254740993n, seq: 42n };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('rejects what the hub did not issue', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('1.2; DROP TABLE').toString('base64url'))).toBeNull();
  });
});
