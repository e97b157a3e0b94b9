/**
 * Postgres errors that the same rows will always hit again: data exceptions (class 22, e.g. a NUL character in
 * jsonb) and integrity violations (class 23). Anything else (connection lost, shutdown, timeouts) is transient.
 */
export function isPermanentDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23)/.test(code);
}

/**
 * A transaction that lost a race and can simply run again: serialization failure (40001) or deadlock (40P01).
 * Postgres has already rolled it back, so nothing of it was kept.
 */
export function isTransactionConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
