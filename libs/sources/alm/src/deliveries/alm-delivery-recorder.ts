import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeConfigOf } from '@hub/observability';
import { deliveryHeaderSummary } from '../security/delivery-header-summary.js';
import type { DetectedAlmSignatureScheme } from '../security/detect-signature-scheme.js';
import type { AlmDeliveryOutcome } from './alm-webhook-delivery.entity.js';
import { AlmWebhookDeliveryRepository } from './alm-webhook-delivery.repository.js';

/** Route config key that makes a route's requests land in the deliveries log. */
export const ALM_DELIVERY_LOG_ROUTE = 'almDeliveryLog';

/** What the ingress learned about a delivery, beyond its status: why it was refused, what it held. */
export interface AlmDeliveryNote {
  detail?: string;
  verifiesWith?: DetectedAlmSignatureScheme[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OUTCOMES: Record<number, AlmDeliveryOutcome> = { 202: 'accepted', 400: 'bad_request', 401: 'unauthorized', 413: 'too_large', 503: 'unavailable' };

/**
 * Keeps the last deliveries of each webhook, whatever their outcome. It records from Fastify's onResponse hook
 * rather than from the controller because some answers never reach the controller: a 413 is sent while the body
 * is being read. Unknown and disabled webhooks (404) are not recorded. Recording happens after the answer was
 * sent and never delays or fails a delivery.
 */
@Injectable()
export class AlmDeliveryRecorder implements OnModuleInit {
  private readonly logger = new Logger(AlmDeliveryRecorder.name);
  private readonly notes = new WeakMap<FastifyRequest, AlmDeliveryNote>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly deliveries: AlmWebhookDeliveryRepository,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', (request, reply, done) => {
      if (routeConfigOf(request)[ALM_DELIVERY_LOG_ROUTE] === true) this.record(request, reply);
      done();
    });
  }

  /** Called by the ingress while handling a delivery; the hook reads it when the answer is out. */
  note(request: FastifyRequest, note: AlmDeliveryNote): void {
    this.notes.set(request, { ...this.notes.get(request), ...note });
  }

  private record(request: FastifyRequest, reply: FastifyReply): void {
    const webhookId = (request.params as { webhookId?: string } | undefined)?.webhookId;
    const status = reply.statusCode;
    if (status === 404 || !webhookId || !UUID.test(webhookId)) return;
    const note = this.notes.get(request) ?? {};
    const body = request.body;
    const announced = Number(request.headers['content-length']);
    const sizeBytes = Buffer.isBuffer(body) ? body.length : Number.isSafeInteger(announced) && announced <= 2 ** 31 - 1 ? announced : null;
    this.deliveries
      .record({
        webhookId,
        status,
        outcome: OUTCOMES[status] ?? 'other',
        detail: (note.detail ?? (status === 413 ? 'the body is over the size limit' : null))?.slice(0, 500) ?? null,
        sizeBytes,
        headers: deliveryHeaderSummary(request.headers),
        verifiesWith: note.verifiesWith ?? null,
        correlationId: String(request.id).slice(0, 100),
      })
      .catch((err: Error) => this.logger.warn(`could not record a delivery of ALM webhook ${webhookId}: ${err.message}`));
  }
}
