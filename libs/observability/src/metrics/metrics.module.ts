import { Global, Module } from '@nestjs/common';
import { SourceStatusRegistry } from '../source-status/source-status.registry.js';
import { HubMetrics } from './hub-metrics.js';
import { MetricsController } from './metrics.controller.js';

/** Global: every module counts into the process's metrics and may report its source's status. */
@Global()
@Module({ providers: [HubMetrics, SourceStatusRegistry], controllers: [MetricsController], exports: [HubMetrics, SourceStatusRegistry] })
export class MetricsModule {}
