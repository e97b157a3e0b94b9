import { Injectable } from '@nestjs/common';
import type { AlmWebhookEntity } from './alm-webhook.entity.js';
import { AlmWebhookRepository } from './alm-webhook.repository.js';

/** How long a webhook's configuration is reused before it is read again (as API keys: a busy sender costs no query). */
export const WEBHOOK_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * The webhooks as the delivery endpoint sees them. Changes made through this API process apply at once (the admin
 * service invalidates); other API processes see them within WEBHOOK_CACHE_TTL_MS. Unknown ids are remembered too,
 * so a flood of made-up addresses does not become a flood of queries.
 */
@Injectable()
export class AlmWebhookCache {
  private readonly entries = new Map<string, { webhook: AlmWebhookEntity | null; expires: number }>();

  constructor(private readonly webhooks: AlmWebhookRepository) {}

  async find(id: string): Promise<AlmWebhookEntity | null> {
    const cached = this.cached(id);
    if (cached !== undefined) return cached;
    const now = Date.now();
    const webhook = await this.webhooks.findOne(id);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { webhook, expires: now + WEBHOOK_CACHE_TTL_MS });
    return webhook;
  }

  /** The cached answer, or undefined when `find` must ask the database; lets a busy sender's delivery skip an await. */
  cached(id: string): AlmWebhookEntity | null | undefined {
    const cached = this.entries.get(id);
    return cached && cached.expires > Date.now() ? cached.webhook : undefined;
  }

  invalidate(id: string): void {
    this.entries.delete(id);
  }
}
