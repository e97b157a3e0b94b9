/** One language range of an Accept-Language header with its quality. */
export interface LanguagePreference {
  range: string;
  quality: number;
}

/**
 * Parses an Accept-Language header (RFC 2616 section 14.4) into preferences, best first; equal qualities keep header
 * order. Malformed entries are skipped rather than failing the request: the header only steers a choice.
 */
export function parseAcceptLanguage(header: string | undefined): LanguagePreference[] {
  if (!header) return [];
  const preferences: (LanguagePreference & { order: number })[] = [];
  header.split(',').forEach((entry, order) => {
    const [rangePart, ...params] = entry.trim().split(';');
    const range = rangePart?.trim() ?? '';
    if (!/^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/.test(range)) return;
    let quality = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(param);
      if (match) quality = Math.min(1, Number(match[1]));
    }
    preferences.push({ range, quality, order });
  });
  return preferences
    .sort((x, y) => y.quality - x.quality || x.order - y.order)
    .map(({ range, quality }) => ({ range, quality }));
}

/**
 * Picks the one entry of a Language Map to return in canonical format (Communication 2.1.3.s4.b5): the tag matched by
 * the best acceptable range, where a range matches a tag equal to it or starting with it followed by "-", and "*"
 * matches anything. With no acceptable match the first entry is returned, since exactly one language must remain.
 */
export function pickLanguage(tags: readonly string[], preferences: readonly LanguagePreference[]): string | undefined {
  for (const { range, quality } of preferences) {
    if (quality <= 0) continue;
    if (range === '*') return tags.find((tag) => !excluded(tag, preferences)) ?? tags[0];
    const wanted = range.toLowerCase();
    const exact = tags.find((tag) => tag.toLowerCase() === wanted);
    if (exact) return exact;
    const prefixed = tags.find((tag) => tag.toLowerCase().startsWith(`${wanted}-`));
    if (prefixed) return prefixed;
  }
  return tags[0];
}

function excluded(tag: string, preferences: readonly LanguagePreference[]): boolean {
  const lower = tag.toLowerCase();
  return preferences.some(
    ({ range, quality }) => quality <= 0 && (lower === range.toLowerCase() || lower.startsWith(`${range.toLowerCase()}-`)),
  );
}
