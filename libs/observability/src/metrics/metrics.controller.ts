import { Controller, Get, Header, Inject, Req, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { appConfig, type AppConfig } from '@hub/config';
import { HubMetrics } from './hub-metrics.js';

const digest = (v: string) => createHash('sha256').update(v).digest();

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: HubMetrics,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (open, or behind the admin token when METRICS_AUTH=admin)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    if (this.config.metricsAuth === 'admin') {
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(token), digest(this.config.adminToken))) throw new UnauthorizedException('The admin token is required for /metrics');
    }
    return this.metrics.registry.metrics();
  }
}
