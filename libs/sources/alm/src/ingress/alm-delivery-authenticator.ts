import { createHash } from 'node:crypto';
import { Inject, Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
import { verifyAlmSignature } from '../security/alm-signature.js';
import { verifyBasicAuth } from '../security/basic-auth.js';
import { detectAlmSignatureScheme, type DetectedAlmSignatureScheme } from '../security/detect-signature-scheme.js';
import type { HttpHeaders } from '../security/header-value.js';
import { decryptSecret, SecretDecryptionError } from '../security/secret-box.js';
import type { AlmWebhookEntity } from '../webhooks/alm-webhook.entity.js';
import { WEBHOOK_SECRET_KEY } from '../webhooks/webhook-secret-key.js';

/** How long a Basic header that passed scrypt is trusted again without it (see `verifyBasic`). */
export const VERIFIED_BASIC_TTL_MS = 5 * 60_000;
const MAX_VERIFIED = 10_000;

export type DeliveryAuthResult = { ok: true } | { ok: false; detail: string; verifiesWith?: DetectedAlmSignatureScheme[] };

/**
 * Checks a delivery against its webhook's method. The reason of a refusal goes to the deliveries log only (the
 * sender gets one plain 401). For a refused signature delivery it also finds the settings under which the
 * delivery would verify with the stored secret: ALM does not publish its scheme, so this is how an operator
 * learns it from the first real delivery.
 */
@Injectable()
export class AlmDeliveryAuthenticator {
  private readonly logger = new Logger(AlmDeliveryAuthenticator.name);
  private readonly verifiedBasic = new Map<string, number>();
  /**
   * Decrypted secrets (their UTF-8 bytes, which HMAC keys with least work) by their stored ciphertext (unique per
   * encryption: a rotation or a new key is a new entry).
   */
  private readonly secrets = new Map<string, Buffer>();

  constructor(@Inject(WEBHOOK_SECRET_KEY) private readonly secretKey: Buffer) {}

  /** Synchronous but for Basic, whose scrypt runs off the event loop: the common signature delivery awaits nothing. */
  authenticate(webhook: AlmWebhookEntity, rawBody: Buffer, headers: HttpHeaders): DeliveryAuthResult | Promise<DeliveryAuthResult> {
    if (webhook.authType === 'none') return { ok: true };
    if (webhook.authType === 'basic') {
      return this.verifyBasic(webhook, headers).then((ok) => (ok ? { ok } : { ok, detail: 'basic: missing or wrong credentials' }));
    }
    const secret = this.secretOf(webhook);
    const check = verifyAlmSignature({
      rawBody,
      headers,
      config: {
        mode: webhook.signatureMode ?? 'hmac',
        header: webhook.signatureHeader ?? undefined,
        algorithm: webhook.signatureAlgorithm ?? undefined,
        encoding: webhook.signatureEncoding ?? undefined,
        secret,
      },
    });
    if (check.ok) return check;
    const verifiesWith = detectAlmSignatureScheme({ rawBody, headers, secret });
    return { ok: false, detail: `signature: ${check.reason}`, verifiesWith };
  }

  /**
   * scrypt costs tens of milliseconds by design, and ALM sends the same header with every delivery. A header that
   * passed is remembered for a few minutes, keyed by a SHA-256 over the webhook, its username and stored hash (new
   * credentials forget it) and the header, so only a byte-identical header skips scrypt; a wrong one always pays it.
   */
  private async verifyBasic(webhook: AlmWebhookEntity, headers: HttpHeaders): Promise<boolean> {
    const username = webhook.basicUsername ?? '';
    const passwordHash = webhook.basicPasswordHash ?? '';
    const key = createHash('sha256').update(JSON.stringify([webhook.id, username, passwordHash, String(headers.authorization ?? '')])).digest('base64');
    const now = Date.now();
    if ((this.verifiedBasic.get(key) ?? 0) > now) return true;
    const ok = await verifyBasicAuth(headers, { username, passwordHash });
    if (ok) {
      if (this.verifiedBasic.size >= MAX_VERIFIED) this.verifiedBasic.clear();
      this.verifiedBasic.set(key, now + VERIFIED_BASIC_TTL_MS);
    }
    return ok;
  }

  private secretOf(webhook: AlmWebhookEntity): Buffer {
    const stored = webhook.signatureSecret ?? '';
    const memo = this.secrets.get(`${webhook.id}.${stored}`);
    if (memo !== undefined) return memo;
    try {
      const secret = Buffer.from(decryptSecret(stored, this.secretKey, webhook.id), 'utf8');
      if (this.secrets.size >= MAX_VERIFIED) this.secrets.clear();
      this.secrets.set(`${webhook.id}.${stored}`, secret);
      return secret;
    } catch (err) {
      if (!(err instanceof SecretDecryptionError)) throw err;
      // The hub's fault (HUB_SECRET_KEY changed or the row was altered), not the sender's: a 5xx, so ALM retries.
      this.logger.error(`ALM webhook ${webhook.id}: the signing secret cannot be decrypted (${err.message}); set it again with PATCH /admin/alm/webhooks/${webhook.id}`);
      throw new InternalServerErrorException('The webhook’s signing secret cannot be read; an operator must set it again');
    }
  }
}
