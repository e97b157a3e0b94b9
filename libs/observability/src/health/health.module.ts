import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { ReadinessDetails } from './readiness-details.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';

/** Global so feature modules can add readiness details. */
@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false, gracefulShutdownTimeoutMs: 0 })],
  providers: [RedisHealthIndicator, ReadinessDetails],
  controllers: [HealthController],
  exports: [ReadinessDetails],
})
export class HealthModule {}
