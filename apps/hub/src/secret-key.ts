import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SecretKey {
  key: string;
  /** True when this run generated it. */
  generated: boolean;
  file?: string;
}

/**
 * HUB_SECRET_KEY when set; otherwise the key kept in the data directory, generated on first run (32 random bytes,
 * base64). It encrypts secrets the hub must use again (ALM signing secrets): keep the file with the database.
 */
export function resolveSecretKey(fromEnv: string | undefined, dataDir: string): SecretKey {
  if (fromEnv) return { key: fromEnv, generated: false };
  const file = join(dataDir, 'secret-key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false, file };
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, generated: true, file };
}
