import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Counter } from 'prom-client';
import { redisConfig, type RedisConfig } from '@hub/config';
import { HubMetrics } from '@hub/observability';
import { producerRedisOptions } from '../queue/redis-options.js';
import {
  counterField,
  hourOf,
  HOUR_BUCKETS_KEPT_S,
  MINUTE_BUCKETS_KEPT_S,
  minuteOf,
  MINUTE_MS,
  parseCounterField,
  type CounterKind,
  type CountsSnapshot,
} from './pipeline-counts.js';

/** How often a process writes its counts to Redis: a crash loses at most this much of the dashboard's numbers. */
const FLUSH_INTERVAL_MS = 1_000;
/** Counts that could not be written (Redis away) are kept and retried, but not beyond what the buckets keep. */
const KEEP_UNWRITTEN_MS = 2 * 60 * 60 * 1000;

export interface PipelineStatsSnapshot {
  counts: CountsSnapshot;
  /** Per source and kind: when it last happened (ISO), e.g. `LB → { accepted, stored }`. */
  lastSeen: Map<string, Partial<Record<CounterKind, string>>>;
}

/**
 * Durable per-source counters across processes. Prometheus counters are per process and restart at zero; the
 * dashboard needs "received in the last hour" for the whole hub. So every count also goes into an in-memory tally,
 * flushed each second as HINCRBY into a per-minute and a per-hour Redis hash (a few commands a second per process,
 * whatever the traffic; never on the acknowledgement path). The newest time per source and kind goes into a sorted
 * set with ZADD GT, so a process with an older clock cannot move it back.
 */
@Injectable()
export class PipelineStats implements OnApplicationShutdown {
  private readonly logger = new Logger(PipelineStats.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly prometheus: Record<CounterKind, Counter<'source'>>;
  private pending = new Map<number, Map<string, number>>();
  private lastSeen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private connecting: Promise<void> | undefined;

  constructor(@Inject(redisConfig.KEY) config: RedisConfig, metrics: HubMetrics) {
    this.redis = new Redis({ ...producerRedisOptions(config.url), lazyConnect: true });
    this.redis.on('error', () => undefined);
    this.prefix = `${config.queuePrefix}:stats`;
    this.prometheus = { accepted: metrics.accepted, refused: metrics.acceptFailures, stored: metrics.stored, duplicates: metrics.duplicates, deadLettered: metrics.deadLettered };
  }

  /** Counts `n` of `kind` for `source`, in Prometheus at once and in Redis within a second. Never throws. */
  count(source: string, kind: CounterKind, n = 1): void {
    if (n <= 0) return;
    this.prometheus[kind].inc({ source }, n);
    const now = Date.now();
    const minute = minuteOf(now);
    const field = counterField(source, kind);
    let bucket = this.pending.get(minute);
    if (!bucket) this.pending.set(minute, (bucket = new Map()));
    bucket.set(field, (bucket.get(field) ?? 0) + n);
    this.lastSeen.set(field, now);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  /** Writes what was counted since the last flush; on failure keeps it for the next one. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0 && this.lastSeen.size === 0) return;
    const pending = this.pending;
    const lastSeen = this.lastSeen;
    this.pending = new Map();
    this.lastSeen = new Map();
    try {
      await this.connected();
      const multi = this.redis.multi();
      for (const [minute, fields] of pending) {
        const minuteKey = `${this.prefix}:m:${minute}`;
        const hourKey = `${this.prefix}:h:${hourOf(minute * MINUTE_MS)}`;
        for (const [field, n] of fields) {
          multi.hincrby(minuteKey, field, n);
          multi.hincrby(hourKey, field, n);
        }
        multi.expire(minuteKey, MINUTE_BUCKETS_KEPT_S);
        multi.expire(hourKey, HOUR_BUCKETS_KEPT_S);
      }
      for (const [field, at] of lastSeen) multi.zadd(`${this.prefix}:last`, 'GT', at, field);
      await multi.exec();
    } catch (err) {
      this.keepForLater(pending, lastSeen);
      this.logger.debug(`pipeline stats not written yet: ${(err as Error).message}`);
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS * 5).unref();
    }
  }

  private keepForLater(pending: Map<number, Map<string, number>>, lastSeen: Map<string, number>): void {
    const oldest = minuteOf(Date.now() - KEEP_UNWRITTEN_MS);
    for (const [minute, fields] of pending) {
      if (minute < oldest) continue;
      let bucket = this.pending.get(minute);
      if (!bucket) this.pending.set(minute, (bucket = new Map()));
      for (const [field, n] of fields) bucket.set(field, (bucket.get(field) ?? 0) + n);
    }
    for (const [field, at] of lastSeen) this.lastSeen.set(field, Math.max(at, this.lastSeen.get(field) ?? 0));
  }

  /** The last 60 minute buckets, the last 24 hour buckets and the newest times, in one round trip. */
  async snapshot(nowMs = Date.now()): Promise<PipelineStatsSnapshot> {
    await this.connected();
    const nowMinute = minuteOf(nowMs);
    const nowHour = hourOf(nowMs);
    const minuteIds = Array.from({ length: 60 }, (_, i) => nowMinute - i);
    const hourIds = Array.from({ length: 24 }, (_, i) => nowHour - i);
    const multi = this.redis.multi();
    for (const m of minuteIds) multi.hgetall(`${this.prefix}:m:${m}`);
    for (const h of hourIds) multi.hgetall(`${this.prefix}:h:${h}`);
    multi.zrange(`${this.prefix}:last`, 0, -1, 'WITHSCORES');
    const results = (await multi.exec()) ?? [];
    const value = (i: number) => {
      const [err, result] = results[i] ?? [new Error('no reply'), null];
      if (err) throw err;
      return result;
    };
    const minutes = new Map(minuteIds.map((m, i) => [m, value(i) as Record<string, string>]));
    const hours = new Map(hourIds.map((h, i) => [h, value(minuteIds.length + i) as Record<string, string>]));
    const flat = value(minuteIds.length + hourIds.length) as string[];
    const lastSeen = new Map<string, Partial<Record<CounterKind, string>>>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const parsed = parseCounterField(flat[i]);
      if (!parsed) continue;
      const entry = lastSeen.get(parsed.source) ?? {};
      entry[parsed.kind] = new Date(Number(flat[i + 1])).toISOString();
      lastSeen.set(parsed.source, entry);
    }
    return { counts: { nowMs, minutes, hours }, lastSeen };
  }

  /** One connect for all callers: the overview and the chart ask at the same moment when the page opens. */
  private connected(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.connecting = this.redis.connect().finally(() => (this.connecting = undefined));
    }
    return this.connecting ?? Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    this.redis.disconnect();
  }
}
