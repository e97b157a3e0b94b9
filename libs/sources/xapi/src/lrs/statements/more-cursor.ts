/**
 * The `more` IRL of a StatementResult (Communication 2.1.3, Data 2.5): it carries the original query, the moment the
 * first page was read (later Statements are not part of the result, so pages stay stable while Statements are being
 * added) and the (stored, seq) position after which the next page starts. Opaque to clients; the query is parsed and
 * validated again when the cursor comes back, so a forged cursor can ask for nothing a plain GET could not.
 */
export interface MoreCursor {
  /** The original GET parameters. */
  query: Record<string, string>;
  /** ISO timestamp: only Statements stored at or before it belong to the result. */
  bound: string;
  /** The last Statement returned: its stored time (ISO) and sequence number. */
  after: { stored: string; seq: string };
}

export function encodeMoreCursor(cursor: MoreCursor): string {
  return Buffer.from(JSON.stringify([cursor.query, cursor.bound, cursor.after.stored, cursor.after.seq]), 'utf8').toString('base64url');
}

export function decodeMoreCursor(value: string): MoreCursor | undefined {
  if (value.length > 8_000 || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [query, bound, stored, seq] = parsed as unknown[];
  if (typeof query !== 'object' || query === null || Array.isArray(query)) return undefined;
  if (!Object.values(query).every((v) => typeof v === 'string')) return undefined;
  if (!isIsoInstant(bound) || !isIsoInstant(stored) || typeof seq !== 'string' || !/^\d{1,19}$/.test(seq)) return undefined;
  return { query: query as Record<string, string>, bound, after: { stored, seq } };
}

function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value));
}
