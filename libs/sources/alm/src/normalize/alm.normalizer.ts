import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { DeadLettersService, NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { AlmCatalogueRepository } from '../catalogue/alm-catalogue.repository.js';
import { catalogueUpdatesFrom } from '../catalogue/catalogue-updates.js';
import { parseAlmDelivery } from '../delivery/parse-alm-delivery.js';
import { normalizeAlmDelivery } from './normalize-alm-delivery.js';

/**
 * Worker side of the ALM webhooks: the payload is a delivery's exact body. Its good events become canonical
 * events (deduplicated for good by their EventId), the catalogue takes what learning-object, instance and
 * CI_STATS events say, and each event that cannot be read is dead-lettered on its own, as a one-event delivery
 * that can be replayed after a fix. A body that is no delivery at all (only a replay can bring one here) is
 * dead-lettered whole.
 */
@Injectable()
export class AlmNormalizer implements SourceNormalizer, OnModuleInit {
  readonly source = 'ALM' as const;
  private readonly logger = new Logger(AlmNormalizer.name);

  constructor(
    private readonly registry: NormalizerRegistry,
    private readonly deadLetters: DeadLettersService,
    private readonly catalogue: AlmCatalogueRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async normalize(payload: IngestPayload): Promise<CanonicalEvent[]> {
    const parsed = parseAlmDelivery(payload.body);
    if (!parsed.ok) throw new UnprocessablePayloadError(`Not an ALM delivery (${parsed.reason}): ${parsed.detail}`, parsed.field);
    const { delivery } = parsed;
    if (delivery.warnings.length) this.logger.debug({ correlationId: payload.correlationId, warnings: delivery.warnings }, 'ALM delivery read with warnings');

    // Kept before anything is written: if keeping fails the job is retried, and the store's key makes that harmless.
    for (const rejected of delivery.rejected) {
      await this.deadLetters.keep(
        { ...payload, body: JSON.stringify({ accountId: delivery.accountIdRaw, events: [rejected.event] }), contentType: 'application/json' },
        `Unreadable ALM event ${rejected.field} (events[${rejected.index}] of the delivery), ${rejected.reason}: ${rejected.detail}`,
        1,
      );
    }
    await this.catalogue.apply(payload.programId, delivery.accountId, delivery.events.flatMap(catalogueUpdatesFrom));
    return normalizeAlmDelivery(delivery, { programId: payload.programId });
  }
}
