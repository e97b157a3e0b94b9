/**
 * Postgres errors that the same rows will always hit again: data exceptions (class 22, e.g. a NUL character in
 * jsonb) and integrity violations (class 23). Anything else (connection lost, shutdown, timeouts) is transient.
 */
export function isPermanentDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}
