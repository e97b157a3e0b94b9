import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface AdminToken {
  token: string;
  /** True when this run generated it (it is printed once, then only its file is named). */
  generated: boolean;
  file?: string;
}

/** HUB_ADMIN_TOKEN when set; otherwise the token kept in the data directory, generated on first run. */
export function resolveAdminToken(fromEnv: string | undefined, dataDir: string): AdminToken {
  if (fromEnv) return { token: fromEnv, generated: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false, file };
  mkdirSync(dirname(file), { recursive: true });
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true, file };
}
