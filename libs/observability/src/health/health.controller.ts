import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadinessDetails } from './readiness-details.js';
import { RedisHealthIndicator } from './redis-health.indicator.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly details: ReadinessDetails,
    private readonly indicator: HealthIndicatorService,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis reachable (503 otherwise); informational entries such as the imc consumer never fail it' })
  @HealthCheck()
  ready() {
    const informational = this.details.entries().map(([key, detail]) => async () => this.indicator.check(key).up(detail()));
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 1_500 }), () => this.redis.isHealthy('redis'), ...informational]);
  }
}
