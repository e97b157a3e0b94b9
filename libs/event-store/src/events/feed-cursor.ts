/** Position in the feed: the (transaction id, sequence) of the last event a reader has seen. */
export interface FeedCursor {
  txId: bigint;
  seq: bigint;
}

export const FEED_START: FeedCursor = { txId: 0n, seq: 0n };

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.txId}.${cursor.seq}`, 'utf8').toString('base64url');
}

/** Returns null for anything that is not a cursor this hub issued. */
export function decodeCursor(value: string): FeedCursor | null {
  if (value.length > 64) return null;
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? { txId: BigInt(match[1]), seq: BigInt(match[2]) } : null;
}
