import { Global, Module } from '@nestjs/common';
import { HubMetrics } from './hub-metrics.js';
import { MetricsController } from './metrics.controller.js';

@Global()
@Module({ providers: [HubMetrics], controllers: [MetricsController], exports: [HubMetrics] })
export class MetricsModule {}
