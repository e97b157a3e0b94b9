import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { redisConfig, type RedisConfig } from '@hub/config';

/** Redis reachability, with its own connection so a busy queue connection cannot hide an outage. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(redisConfig.KEY) config: RedisConfig,
  ) {
    this.client = new Redis(config.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
    this.client.on('error', () => undefined);
  }

  async isHealthy(key = 'redis') {
    const check = this.indicator.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect().catch(() => undefined);
      const pong = await Promise.race([this.client.ping(), new Promise<never>((_, r) => setTimeout(() => r(new Error('timeout')), 1_000))]);
      return pong === 'PONG' ? check.up() : check.down({ message: 'unexpected reply' });
    } catch (err) {
      return check.down({ message: (err as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
