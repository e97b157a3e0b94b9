/**
 * The request's own JSON as the array of events the worker reads: no second encoding of what was just parsed (for
 * 500 events that JSON.stringify was a twentieth of the request's CPU). The JSON parser skipped a byte order mark,
 * so this does too; a single event becomes an array of one.
 */
export function eventsArrayText(rawBody: Buffer, isArray: boolean): string {
  const text = rawBody.toString('utf8');
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return isArray ? json : `[${json}]`;
}
