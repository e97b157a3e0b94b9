import { Module } from '@nestjs/common';
import { AccessModule } from '@hub/access';
import { EventStoreModule } from '@hub/event-store';
import { PipelineProducerModule } from '@hub/pipeline';
import { HubEventsController } from './events/hub-events.controller.js';
import { HubEventsService } from './events/hub-events.service.js';
import { LbSourceStatus } from './events/lb-source-status.js';
import { LbNormalizer } from './events/lb.normalizer.js';

/** The Learning Hub event API (LB and any program): HTTP side. */
@Module({
  imports: [AccessModule, PipelineProducerModule, EventStoreModule],
  controllers: [HubEventsController],
  providers: [HubEventsService, LbSourceStatus],
})
export class HubApiModule {}

/** The Learning Hub event API: worker side. */
@Module({ providers: [LbNormalizer] })
export class HubApiNormalizerModule {}
