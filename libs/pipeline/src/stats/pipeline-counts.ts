/**
 * The pipeline's durable counters, shared by every API and worker process: counted in memory, flushed every second
 * into per-minute and per-hour Redis hashes (see PipelineStats). These pure helpers turn a snapshot of those hashes
 * into the dashboard's windows and series; they know nothing of Redis.
 */
export const COUNTER_KINDS = ['accepted', 'refused', 'stored', 'duplicates', 'deadLettered'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export type Counts = Record<CounterKind, number>;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Minute buckets feed the 5-minute and 1-hour windows and the chart; hour buckets the 24-hour window. */
export const MINUTE_BUCKETS_KEPT_S = 3 * 3_600;
export const HOUR_BUCKETS_KEPT_S = 26 * 3_600;

export const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);
export const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/** A hash field: `LB|accepted`. Sources are short upper-case ids, so the bar cannot occur inside one. */
export const counterField = (source: string, kind: CounterKind) => `${source}|${kind}`;

export function parseCounterField(field: string): { source: string; kind: CounterKind } | null {
  const bar = field.lastIndexOf('|');
  if (bar <= 0) return null;
  const kind = field.slice(bar + 1) as CounterKind;
  return (COUNTER_KINDS as readonly string[]).includes(kind) ? { source: field.slice(0, bar), kind } : null;
}

export const zeroCounts = (): Counts => ({ accepted: 0, refused: 0, stored: 0, duplicates: 0, deadLettered: 0 });

/** What PipelineStats read from Redis: bucket number → hash fields. */
export interface CountsSnapshot {
  nowMs: number;
  minutes: Map<number, Record<string, string>>;
  hours: Map<number, Record<string, string>>;
}

export interface SourceWindows {
  last5m: Counts;
  last1h: Counts;
  last24h: Counts;
}

function addBucket(into: Map<string, Counts>, bucket: Record<string, string> | undefined): void {
  for (const [field, value] of Object.entries(bucket ?? {})) {
    const parsed = parseCounterField(field);
    if (!parsed) continue;
    let counts = into.get(parsed.source);
    if (!counts) {
      counts = zeroCounts();
      into.set(parsed.source, counts);
    }
    counts[parsed.kind] += Number(value) || 0;
  }
}

/**
 * Per source: the last 5 minutes and the last hour from minute buckets (the current minute included, so the window
 * is between n-1 and n minutes long), the last 24 hours from hour buckets (between 23 and 24 hours).
 */
export function windowsOf(snapshot: CountsSnapshot): Map<string, SourceWindows> {
  const nowMinute = minuteOf(snapshot.nowMs);
  const nowHour = hourOf(snapshot.nowMs);
  const sum = (buckets: Map<number, Record<string, string>>, from: number, to: number) => {
    const totals = new Map<string, Counts>();
    for (let b = from; b <= to; b++) addBucket(totals, buckets.get(b));
    return totals;
  };
  const m5 = sum(snapshot.minutes, nowMinute - 4, nowMinute);
  const h1 = sum(snapshot.minutes, nowMinute - 59, nowMinute);
  const d1 = sum(snapshot.hours, nowHour - 23, nowHour);
  const sources = new Set([...m5.keys(), ...h1.keys(), ...d1.keys()]);
  return new Map(
    [...sources].map((source) => [source, { last5m: m5.get(source) ?? zeroCounts(), last1h: h1.get(source) ?? zeroCounts(), last24h: d1.get(source) ?? zeroCounts() }]),
  );
}

export interface ThroughputSeries {
  /** Start of each minute bucket, epoch seconds (uPlot's x axis), oldest first. */
  minutes: number[];
  /** Per source, per kind, one number per minute. */
  sources: Record<string, Record<CounterKind, number[]>>;
}

/** The last `count` minute buckets, oldest first, the current (partial) minute last. */
export function seriesOf(snapshot: CountsSnapshot, count: number): ThroughputSeries {
  const nowMinute = minuteOf(snapshot.nowMs);
  const first = nowMinute - count + 1;
  const minutes = Array.from({ length: count }, (_, i) => ((first + i) * MINUTE_MS) / 1000);
  const sources: ThroughputSeries['sources'] = {};
  for (let i = 0; i < count; i++) {
    const perSource = new Map<string, Counts>();
    addBucket(perSource, snapshot.minutes.get(first + i));
    for (const [source, counts] of perSource) {
      const series = (sources[source] ??= Object.fromEntries(COUNTER_KINDS.map((k) => [k, new Array<number>(count).fill(0)])) as Record<CounterKind, number[]>);
      for (const kind of COUNTER_KINDS) series[kind][i] = counts[kind];
    }
  }
  return { minutes, sources };
}
