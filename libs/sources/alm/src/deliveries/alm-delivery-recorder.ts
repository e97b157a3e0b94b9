import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeConfigOf } from '@hub/observability';
import { deliveryHeaderSummary } from '../security/delivery-header-summary.js';
import type { HttpHeaders } from '../security/header-value.js';
import type { DetectedAlmSignatureScheme } from '../security/detect-signature-scheme.js';
import type { AlmDeliveryOutcome } from './alm-webhook-delivery.entity.js';
import { AlmWebhookDeliveryRepository, DELIVERIES_KEPT, type NewAlmWebhookDelivery } from './alm-webhook-delivery.repository.js';

/** Route config key that makes a route's requests land in the deliveries log. */
export const ALM_DELIVERY_LOG_ROUTE = 'almDeliveryLog';

/** How long recorded deliveries wait in memory before they are written together. */
export const DELIVERY_LOG_FLUSH_MS = 500;

/** What the ingress learned about a delivery, beyond its status: why it was refused, what it held. */
export interface AlmDeliveryNote {
  detail?: string;
  verifiesWith?: DetectedAlmSignatureScheme[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OUTCOMES: Record<number, AlmDeliveryOutcome> = { 202: 'accepted', 400: 'bad_request', 401: 'unauthorized', 413: 'too_large', 503: 'unavailable' };

/** A delivery as the hook saw it; its headers are summarised only if it is still among the last ones at the flush. */
type PendingDelivery = Omit<NewAlmWebhookDelivery, 'headers'> & { rawHeaders: HttpHeaders };

/**
 * Keeps the last deliveries of each webhook, whatever their outcome. It records from Fastify's onResponse hook
 * rather than from the controller because some answers never reach the controller: a 413 is sent while the body
 * is being read. Unknown and disabled webhooks (404) are not recorded.
 *
 * It is diagnostics, never on a delivery's path: entries wait in memory (the last 20 per webhook) and are written
 * together every DELIVERY_LOG_FLUSH_MS, so a busy webhook costs two statements per flush instead of a write, and
 * row-lock contention on its pruning, per delivery. A crash loses at most that half second of entries. The header
 * summary (the costly part) is made at the flush, for the entries still kept, not for every delivery.
 */
@Injectable()
export class AlmDeliveryRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlmDeliveryRecorder.name);
  private readonly notes = new WeakMap<FastifyRequest, AlmDeliveryNote>();
  private pending = new Map<string, PendingDelivery[]>();
  private timer: NodeJS.Timeout | undefined;
  private flushing = Promise.resolve();

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

  async onApplicationShutdown(): Promise<void> {
    this.flush();
    await this.flushing;
  }

  private record(request: FastifyRequest, reply: FastifyReply): void {
    const webhookId = (request.params as { webhookId?: string } | undefined)?.webhookId;
    const status = reply.statusCode;
    if (status === 404 || !webhookId || !UUID.test(webhookId)) return;
    const note = this.notes.get(request) ?? {};
    const body = request.body;
    const announced = Number(request.headers['content-length']);
    const list = this.pending.get(webhookId) ?? [];
    list.push({
      webhookId,
      receivedUtc: new Date(),
      status,
      outcome: OUTCOMES[status] ?? 'other',
      detail: (note.detail ?? (status === 413 ? 'the body is over the size limit' : null))?.slice(0, 500) ?? null,
      sizeBytes: Buffer.isBuffer(body) ? body.length : Number.isSafeInteger(announced) && announced <= 2 ** 31 - 1 ? announced : null,
      rawHeaders: request.headers,
      verifiesWith: note.verifiesWith ?? null,
      correlationId: String(request.id).slice(0, 100),
    });
    if (list.length > DELIVERIES_KEPT) list.shift();
    this.pending.set(webhookId, list);
    this.timer ??= setTimeout(() => this.flush(), DELIVERY_LOG_FLUSH_MS).unref();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return;
    this.flushing = this.flushing.then(async () => {
      for (const [webhookId, deliveries] of batch) {
        // A webhook deleted meanwhile fails its foreign key: its log is gone with it anyway.
        const rows = () => deliveries.map(({ rawHeaders, ...delivery }) => ({ ...delivery, headers: deliveryHeaderSummary(rawHeaders) }));
        await Promise.resolve()
          .then(() => this.deliveries.recordMany(webhookId, rows()))
          .catch((err: Error) => this.logger.warn(`could not record deliveries of ALM webhook ${webhookId}: ${err.message}`));
      }
    });
  }
}
