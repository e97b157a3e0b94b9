import { Inject, Injectable, InternalServerErrorException, Logger } from '@nestjs/common';
import { verifyAlmSignature } from '../security/alm-signature.js';
import { verifyBasicAuth } from '../security/basic-auth.js';
import { detectAlmSignatureScheme, type DetectedAlmSignatureScheme } from '../security/detect-signature-scheme.js';
import type { HttpHeaders } from '../security/header-value.js';
import { decryptSecret, SecretDecryptionError } from '../security/secret-box.js';
import type { AlmWebhookEntity } from '../webhooks/alm-webhook.entity.js';
import { WEBHOOK_SECRET_KEY } from '../webhooks/webhook-secret-key.js';

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

  constructor(@Inject(WEBHOOK_SECRET_KEY) private readonly secretKey: Buffer) {}

  async authenticate(webhook: AlmWebhookEntity, rawBody: Buffer, headers: HttpHeaders): Promise<DeliveryAuthResult> {
    if (webhook.authType === 'none') return { ok: true };
    if (webhook.authType === 'basic') {
      const ok = await verifyBasicAuth(headers, { username: webhook.basicUsername ?? '', passwordHash: webhook.basicPasswordHash ?? '' });
      return ok ? { ok } : { ok, detail: 'basic: missing or wrong credentials' };
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

  private secretOf(webhook: AlmWebhookEntity): string {
    try {
      return decryptSecret(webhook.signatureSecret ?? '', this.secretKey, webhook.id);
    } catch (err) {
      if (!(err instanceof SecretDecryptionError)) throw err;
      // The hub's fault (HUB_SECRET_KEY changed or the row was altered), not the sender's: a 5xx, so ALM retries.
      this.logger.error(`ALM webhook ${webhook.id}: the signing secret cannot be decrypted (${err.message}); set it again with PATCH /admin/alm/webhooks/${webhook.id}`);
      throw new InternalServerErrorException('The webhook’s signing secret cannot be read; an operator must set it again');
    }
  }
}
