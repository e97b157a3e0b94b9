import { registerAs } from '@nestjs/config';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

class RedisEnv {
  @IsString() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  /** BullMQ key prefix; wrap it in braces (e.g. `{hub}`) on Redis Cluster so each queue's keys share a slot. */
  @IsString()
  HUB_QUEUE_PREFIX: string = '{hub}';

  /** How long an ingress waits for Redis before answering 503. */
  @IsInt() @Min(50) @Max(10000)
  HUB_ACCEPT_TIMEOUT_MS: number = 800;
}

export interface RedisConfig {
  url: string;
  queuePrefix: string;
  acceptTimeoutMs: number;
}

export const redisConfig = registerAs('redis', (): RedisConfig => {
  const env = validateConfig(RedisEnv, process.env);
  return { url: env.REDIS_URL, queuePrefix: env.HUB_QUEUE_PREFIX, acceptTimeoutMs: env.HUB_ACCEPT_TIMEOUT_MS };
});
