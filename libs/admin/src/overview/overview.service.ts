import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PUBLISHER_SYSTEMS } from '@hub/event-store';
import { SourceStatusRegistry } from '@hub/observability';
import { DeadLettersService, IngestQueueInspector, PipelineStats, seriesOf, windowsOf, type PipelineStatsSnapshot } from '@hub/pipeline';
import type { OverviewDto, SourceOverviewDto, ThroughputDto } from './overview.dto.js';

/** Each part is read on its own: Redis being away must not hide what Postgres knows, nor the other way round. */
async function attempt<T>(what: string, problems: string[], read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    problems.push(`${what}: ${(err as Error).message}`);
    return null;
  }
}

/** The dashboard's overview: per source counters and status, the queue, the dependencies. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly stats: PipelineStats,
    private readonly queue: IngestQueueInspector,
    private readonly deadLetters: DeadLettersService,
    private readonly sourceStatus: SourceStatusRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async overview(): Promise<OverviewDto> {
    const problems: string[] = [];
    const [snapshot, queue, openBySource, statuses, postgres] = await Promise.all([
      attempt('pipeline counters (Redis)', problems, () => this.stats.snapshot()),
      attempt('ingest queue (Redis)', problems, () => this.queue.state()),
      attempt('dead letters (PostgreSQL)', problems, () => this.deadLetters.openBySource()),
      this.sourceStatus.collect(PUBLISHER_SYSTEMS),
      attempt('PostgreSQL', problems, () => this.dataSource.query('SELECT 1')),
    ]);
    return {
      generatedUtc: new Date().toISOString(),
      dependencies: { postgres: postgres ? 'up' : 'down', redis: snapshot || queue ? 'up' : 'down' },
      queue,
      sources: this.sources(statuses, snapshot, openBySource),
      openDeadLetters: openBySource ? [...openBySource.values()].reduce((a, b) => a + b, 0) : null,
      problems,
    };
  }

  async throughput(minutes: number): Promise<ThroughputDto> {
    const snapshot = await this.stats.snapshot();
    const series = seriesOf(snapshot.counts, minutes);
    // Every known source gets a line, a silent one included: a flat line says more than a missing one.
    for (const source of PUBLISHER_SYSTEMS) series.sources[source] ??= emptySeries(minutes);
    return { bucketSeconds: 60, ...series };
  }

  private sources(statuses: Awaited<ReturnType<SourceStatusRegistry['collect']>>, snapshot: PipelineStatsSnapshot | null, openBySource: Map<string, number> | null): SourceOverviewDto[] {
    const windows = snapshot ? windowsOf(snapshot.counts) : null;
    const names = [...new Set([...statuses.map((s) => s.source), ...(windows?.keys() ?? []), ...(openBySource?.keys() ?? [])])];
    return names.map((source) => {
      const status = statuses.find((s) => s.source === source);
      const last = snapshot?.lastSeen.get(source);
      const zero = { accepted: 0, refused: 0, stored: 0, duplicates: 0, deadLettered: 0 };
      return {
        source,
        state: status?.state ?? 'not configured',
        health: status?.health ?? 'off',
        detail: status?.detail,
        sinceUtc: status?.sinceUtc,
        counts: windows ? (windows.get(source) ?? { last5m: zero, last1h: { ...zero }, last24h: { ...zero } }) : null,
        lastAcceptedUtc: last?.accepted ?? null,
        lastStoredUtc: last?.stored ?? null,
        openDeadLetters: openBySource ? (openBySource.get(source) ?? 0) : null,
        connections: status?.connections ?? [],
      };
    });
  }
}

function emptySeries(minutes: number) {
  const zeros = () => new Array<number>(minutes).fill(0);
  return { accepted: zeros(), refused: zeros(), stored: zeros(), duplicates: zeros(), deadLettered: zeros() };
}
