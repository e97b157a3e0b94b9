/** Node's and Fastify's header shape: lower-cased names (not relied upon), a string or, rarely, several. */
export type HttpHeaders = Readonly<Record<string, string | string[] | number | undefined>>;

export type HeaderLookup = { found: true; value: string } | { found: false; reason: 'missing' | 'ambiguous' };

/**
 * One header's single value, by case-insensitive name. A header sent twice is ambiguous rather than
 * "take the first": with two signatures a proxy and the hub could disagree on which one counts.
 */
export function singleHeader(headers: HttpHeaders, name: string): HeaderLookup {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value);
    else values.push(String(value));
  }
  if (values.length === 0) return { found: false, reason: 'missing' };
  if (values.length > 1) return { found: false, reason: 'ambiguous' };
  return { found: true, value: values[0] };
}
