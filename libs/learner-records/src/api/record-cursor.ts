/** The opaque `after` of GET /api/v1/learner-records: the id of the last record a reader has seen. */
export function encodeRecordCursor(id: bigint): string {
  return Buffer.from(`r.${id}`, 'utf8').toString('base64url');
}

/** Returns null for anything that is not a cursor this hub issued. */
export function decodeRecordCursor(value: string): bigint | null {
  if (value.length > 64) return null;
  const match = /^r\.(\d{1,19})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? BigInt(match[1]) : null;
}

/** `Link: <…>; rel="next"`: the same filters, continuing after the last record returned (every page has one). */
export function recordsNextLink(baseUrl: string, query: Record<string, unknown>, next: bigint): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'after' && value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('after', encodeRecordCursor(next));
  return `<${baseUrl}/api/v1/learner-records?${params.toString()}>; rel="next"`;
}
