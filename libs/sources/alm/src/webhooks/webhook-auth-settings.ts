import type { FieldError } from '@hub/observability';
import { ALM_SIGNATURE_DEFAULTS } from '../security/alm-signature.js';
import { hashPassword } from '../security/password-hash.js';
import { encryptSecret } from '../security/secret-box.js';
import type { AlmWebhookAuthDto, AlmWebhookAuthViewDto } from './alm-webhook.dto.js';
import type { AlmWebhookAuthType, AlmWebhookEntity } from './alm-webhook.entity.js';

const FIELDS_OF: Record<AlmWebhookAuthType, readonly (keyof AlmWebhookAuthDto)[]> = {
  none: [],
  basic: ['username', 'password'],
  signature: ['mode', 'secret', 'header', 'algorithm', 'encoding'],
};

export type AuthFields = Pick<
  AlmWebhookEntity,
  'authType' | 'basicUsername' | 'basicPasswordHash' | 'signatureMode' | 'signatureHeader' | 'signatureAlgorithm' | 'signatureEncoding' | 'signatureSecret'
>;

export type AuthSettingsResult = { ok: true; fields: AuthFields } | { ok: false; errors: FieldError[] };

/**
 * The stored authentication of a webhook after `auth` is applied to `current` (null when creating). Same type as
 * now: only the given fields change, so a secret can be rotated or the signature settings locked without
 * re-entering the rest. Another type: a replacement, whose required fields must all be given. The password is
 * hashed and the secret encrypted (bound to the webhook id) here, so nothing downstream sees them in clear.
 */
export async function authSettingsFrom(
  auth: AlmWebhookAuthDto,
  current: AuthFields | null,
  webhookId: string,
  secretKey: Uint8Array,
): Promise<AuthSettingsResult> {
  const keep = current?.authType === auth.type ? current : null;
  const errors: FieldError[] = [];
  for (const type of Object.keys(FIELDS_OF) as AlmWebhookAuthType[]) {
    if (type === auth.type) continue;
    for (const field of FIELDS_OF[type]) {
      if (auth[field] !== undefined && !FIELDS_OF[auth.type].includes(field)) {
        errors.push({ field: `auth.${field}`, message: `${field} is not used by auth type "${auth.type}"` });
      }
    }
  }
  const required = (field: 'username' | 'password' | 'secret', kept: unknown) => {
    if (auth[field] === undefined && (kept === null || kept === undefined)) errors.push({ field: `auth.${field}`, message: `${field} is required for auth type "${auth.type}"` });
  };
  const cleared: AuthFields = {
    authType: auth.type,
    basicUsername: null,
    basicPasswordHash: null,
    signatureMode: null,
    signatureHeader: null,
    signatureAlgorithm: null,
    signatureEncoding: null,
    signatureSecret: null,
  };

  if (auth.type === 'basic') {
    required('username', keep?.basicUsername);
    required('password', keep?.basicPasswordHash);
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      fields: {
        ...cleared,
        basicUsername: auth.username ?? keep!.basicUsername,
        basicPasswordHash: auth.password !== undefined ? await hashPassword(auth.password) : keep!.basicPasswordHash,
      },
    };
  }

  if (auth.type === 'signature') {
    required('secret', keep?.signatureSecret);
    const mode = auth.mode ?? keep?.signatureMode ?? ALM_SIGNATURE_DEFAULTS.mode;
    if (mode === 'token') {
      for (const field of ['algorithm', 'encoding'] as const) {
        if (auth[field] !== undefined) errors.push({ field: `auth.${field}`, message: `${field} applies to mode "hmac" only; in mode "token" the header carries the secret itself` });
      }
    }
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      fields: {
        ...cleared,
        signatureMode: mode,
        signatureHeader: (auth.header ?? keep?.signatureHeader ?? ALM_SIGNATURE_DEFAULTS.header).toLowerCase(),
        signatureAlgorithm: mode === 'hmac' ? (auth.algorithm ?? keep?.signatureAlgorithm ?? ALM_SIGNATURE_DEFAULTS.algorithm) : null,
        signatureEncoding: mode === 'hmac' ? (auth.encoding ?? keep?.signatureEncoding ?? ALM_SIGNATURE_DEFAULTS.encoding) : null,
        signatureSecret: auth.secret !== undefined ? encryptSecret(auth.secret, secretKey, webhookId) : keep!.signatureSecret,
      },
    };
  }

  if (errors.length) return { ok: false, errors };
  return { ok: true, fields: cleared };
}

/** The settings of a webhook's authentication, for the admin API: never a password, hash or secret. */
export function authView(webhook: AuthFields): AlmWebhookAuthViewDto {
  switch (webhook.authType) {
    case 'basic':
      return { type: 'basic', username: webhook.basicUsername ?? undefined, passwordSet: webhook.basicPasswordHash !== null };
    case 'signature':
      return {
        type: 'signature',
        mode: webhook.signatureMode ?? 'hmac',
        header: webhook.signatureHeader ?? undefined,
        ...(webhook.signatureMode === 'token' ? {} : { algorithm: webhook.signatureAlgorithm ?? undefined, encoding: webhook.signatureEncoding ?? undefined }),
        secretSet: webhook.signatureSecret !== null,
      };
    default:
      return { type: 'none' };
  }
}
