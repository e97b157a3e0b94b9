import { encodeCursor, type FeedCursor } from '@hub/event-store';

/**
 * The `Link: <…>; rel="next"` of a page: the same filters, continuing right after the last event returned.
 * Every page carries one, the last and empty ones too, so a caught-up reader polls by following it.
 */
export function nextLink(baseUrl: string, path: string, query: Record<string, unknown>, next: FeedCursor): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'after' && value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('after', encodeCursor(next));
  return `<${baseUrl}${path}?${params.toString()}>; rel="next"`;
}
