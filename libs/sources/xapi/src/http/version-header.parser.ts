import type { Validated } from '../statements/validation/validation-issues.js';

/**
 * The `X-Experience-API-Version` request header (Communication 3.3.s3): required on every resource but /about; "1.0" is
 * read as "1.0.0", any "1.0.x" is accepted, everything else (0.9, 1.1.0, junk) is a 400.
 */
export function parseVersionHeader(value: string | string[] | undefined): Validated<{ version: string }> {
  const path = 'X-Experience-API-Version';
  if (value === undefined || value === '') return { ok: false, errors: [{ path, message: 'header is required' }] };
  if (Array.isArray(value)) return { ok: false, errors: [{ path, message: 'header must be given once' }] };
  const version = value.trim();
  if (version === '1.0') return { ok: true, version: '1.0.0' };
  if (/^1\.0\.\d+$/.test(version)) return { ok: true, version };
  return { ok: false, errors: [{ path, message: `version "${version}" is not supported; use 1.0.x (this LRS speaks 1.0.3)` }] };
}
