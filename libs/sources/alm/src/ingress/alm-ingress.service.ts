import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedException } from '@hub/observability';
import { AcceptService, DeadLettersService, PipelineUnavailableError } from '@hub/pipeline';
import { parseAlmDelivery } from '../delivery/parse-alm-delivery.js';
import { AlmDeliveryRecorder } from '../deliveries/alm-delivery-recorder.js';
import type { AlmWebhookEntity } from '../webhooks/alm-webhook.entity.js';
import { AlmWebhookCache } from '../webhooks/alm-webhook-cache.js';
import { AlmDeliveryAuthenticator } from './alm-delivery-authenticator.js';
import type { AlmDeliveryReceiptDto } from './alm-delivery-receipt.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One ALM delivery: find the webhook, authenticate, check the envelope, hand the exact bytes to the pipeline in
 * one accept(), answer once it resolved. Nothing is kept before the sender has authenticated.
 */
@Injectable()
export class AlmIngressService {
  constructor(
    private readonly webhooks: AlmWebhookCache,
    private readonly authenticator: AlmDeliveryAuthenticator,
    private readonly acceptor: AcceptService,
    private readonly deadLetters: DeadLettersService,
    private readonly recorder: AlmDeliveryRecorder,
  ) {}

  async receive(webhookId: string, rawBody: Buffer, request: FastifyRequest): Promise<AlmDeliveryReceiptDto> {
    // Cached webhooks and signature checks are synchronous, so a busy sender's delivery awaits only the accept.
    const webhook = UUID.test(webhookId) ? (this.webhooks.cached(webhookId) ?? (await this.webhooks.find(webhookId))) : null;
    // A disabled webhook looks like an unknown one: ALM disables its own after 7 days of failures as well.
    if (!webhook || !webhook.enabled) throw new NotFoundException('No enabled ALM webhook at this address');

    const checked = this.authenticator.authenticate(webhook, rawBody, request.headers);
    const auth = checked instanceof Promise ? await checked : checked;
    if (!auth.ok) {
      this.recorder.note(request, { detail: auth.detail, verifiesWith: auth.verifiesWith });
      throw new UnauthorizedException('The delivery did not authenticate for this webhook');
    }

    const contentType = request.headers['content-type']?.slice(0, 200);
    // Decoded once: the same text is parsed here and handed to the pipeline (which keeps a leading BOM; the parser skips it).
    const body = rawBody.toString('utf8');
    const parsed = parseAlmDelivery(body);
    if (!parsed.ok) {
      const reason = `${parsed.reason}${parsed.field ? ` (${parsed.field})` : ''}: ${parsed.detail}`;
      this.recorder.note(request, { detail: reason });
      if (rawBody.length > 0) await this.keepUnreadable(webhook, rawBody, reason, contentType);
      throw new ValidationFailedException(
        [{ field: parsed.field ?? 'body', message: parsed.detail }],
        `The body is not an ALM delivery {accountId, events: [...]} (${parsed.reason})${rawBody.length > 0 ? '; it was kept in the dead-letter store' : ''}`,
      );
    }

    const { events, rejected } = parsed.delivery;
    if (events.length + rejected.length > 0) {
      try {
        await this.acceptor.accept(
          {
            source: 'ALM',
            programId: webhook.programId,
            body,
            contentType,
            receivedUtc: new Date().toISOString(),
            correlationId: String(request.id),
            context: { webhookId: webhook.id },
          },
          events.length,
        );
      } catch (err) {
        this.recorder.note(request, { detail: 'the pipeline is unavailable (Redis); nothing was accepted' });
        throw err;
      }
    }
    this.recorder.note(request, { detail: `${events.length} events${rejected.length ? `, ${rejected.length} unreadable (dead-lettered)` : ''}` });
    return { events: events.length, unreadableEvents: rejected.length };
  }

  /** The sender authenticated, so its bytes are kept even though they are no delivery; if they cannot be kept, 503. */
  private async keepUnreadable(webhook: AlmWebhookEntity, rawBody: Buffer, reason: string, contentType?: string): Promise<void> {
    try {
      await this.deadLetters.keepRaw('ALM', webhook.programId, rawBody, `Unreadable ALM delivery: ${reason}`, contentType, { webhookId: webhook.id });
    } catch (err) {
      throw new PipelineUnavailableError(err);
    }
  }
}
