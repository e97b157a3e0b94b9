import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisConfig, type RedisConfig } from '@hub/config';
import { notConfigured, type SourceStatus, type SourceStatusProvider } from './source-status.js';

/** How often a published status is written again; a report three intervals old is shown as stale. */
export const SOURCE_STATUS_PUBLISH_MS = 10_000;
const STALE_AFTER_MS = 3 * SOURCE_STATUS_PUBLISH_MS;

export interface PublishedStatus {
  status: SourceStatus;
  reportedUtc: string;
}

/**
 * One source's status: what this process's provider says (or that it failed), else what another process last
 * published (marked stale when it stopped publishing), else "not configured".
 */
export function statusOf(source: string, asked: SourceStatus | Error | undefined, published: PublishedStatus | undefined, now: number): SourceStatus {
  if (asked instanceof Error) return { source, state: 'unknown', health: 'degraded', detail: `status unavailable: ${asked.message}` };
  if (asked) return asked;
  if (!published) return notConfigured(source);
  // A source switched off on purpose (a consumer stopped cleanly) stays as it said; anything else must keep reporting.
  if (published.status.health !== 'off' && now - Date.parse(published.reportedUtc) > STALE_AFTER_MS) {
    return { ...published.status, health: 'degraded', state: `${published.status.state} (stale)`, detail: `No report since ${published.reportedUtc}: is the process that runs it down?` };
  }
  return published.status;
}

/**
 * The sources' status for the dashboard, whichever process holds it: providers registered in this process answer
 * directly; providers published by another process (a worker's broker connection) are read from Redis; a source
 * with neither is "not configured".
 */
@Injectable()
export class SourceStatusRegistry implements OnApplicationShutdown {
  private readonly logger = new Logger(SourceStatusRegistry.name);
  private readonly providers = new Map<string, SourceStatusProvider>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly writers: (() => Promise<void>)[] = [];
  private readonly key: string;
  private redisClient: Redis | undefined;
  private connecting: Promise<void> | undefined;

  constructor(@Inject(redisConfig.KEY) private readonly config: RedisConfig) {
    this.key = `${config.queuePrefix}:source-status`;
  }

  /** A provider this process can ask whenever the dashboard asks (it must be cheap: the page polls). */
  register(provider: SourceStatusProvider): void {
    if (this.providers.has(provider.source)) throw new Error(`Two source status providers for ${provider.source}`);
    this.providers.set(provider.source, provider);
  }

  /** A provider whose state lives in this process only: written to Redis now and every 10 seconds. */
  publish(provider: SourceStatusProvider): void {
    const write = async () => {
      try {
        const entry: PublishedStatus = { status: await provider.status(), reportedUtc: new Date().toISOString() };
        await (await this.redis()).multi().hset(this.key, provider.source, JSON.stringify(entry)).expire(this.key, 86_400).exec();
      } catch (err) {
        this.logger.debug(`source status of ${provider.source} not published: ${(err as Error).message}`);
      }
    };
    void write();
    this.writers.push(write);
    this.timers.push(setInterval(() => void write(), SOURCE_STATUS_PUBLISH_MS).unref());
  }

  /** The status of each named source and of any other source that reported, in the order named. */
  async collect(sources: readonly string[], now = Date.now()): Promise<SourceStatus[]> {
    const published = await this.readPublished();
    const names = [...new Set([...sources, ...this.providers.keys(), ...published.keys()])];
    return Promise.all(names.map(async (source) => statusOf(source, await this.ask(source), published.get(source), now)));
  }

  private async ask(source: string): Promise<SourceStatus | Error | undefined> {
    const provider = this.providers.get(source);
    if (!provider) return undefined;
    try {
      return await provider.status();
    } catch (err) {
      return err as Error;
    }
  }

  private async readPublished(): Promise<Map<string, PublishedStatus>> {
    try {
      const raw = await (await this.redis()).hgetall(this.key);
      const entries = Object.entries(raw).flatMap(([source, json]): [string, PublishedStatus][] => {
        try {
          return [[source, JSON.parse(json) as PublishedStatus]];
        } catch {
          return [];
        }
      });
      return new Map(entries);
    } catch {
      return new Map();
    }
  }

  /** Connected on first use: a process that never reports or reads statuses opens no connection. */
  private async redis(): Promise<Redis> {
    if (!this.redisClient) {
      this.redisClient = new Redis(this.config.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
      this.redisClient.on('error', () => undefined);
    }
    if (this.redisClient.status === 'wait') this.connecting = this.redisClient.connect().finally(() => (this.connecting = undefined));
    await this.connecting;
    return this.redisClient;
  }

  /** A last report on the way out (e.g. the imc consumer's `stopped`), so a clean stop does not read as a crash. */
  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.writers.map((write) => write()));
    this.redisClient?.disconnect();
  }
}
