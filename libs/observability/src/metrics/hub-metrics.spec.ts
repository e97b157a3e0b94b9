import { HubMetrics } from './hub-metrics.js';

describe('HubMetrics queue gauges', () => {
  it('reads the queue once per scrape through the probe the pipeline hands in', async () => {
    const metrics = new HubMetrics();
    let reads = 0;
    metrics.useQueueProbe(async () => {
      reads += 1;
      return { queue: 'ingest', jobs: { waiting: 12, active: 3, delayed: 1, failed: 0, prioritized: 0 }, oldestWaitingSeconds: 4.5, workers: 2 };
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('hub_queue_jobs{queue="ingest",state="waiting"} 12');
    expect(text).toContain('hub_queue_jobs{queue="ingest",state="active"} 3');
    expect(text).toContain('hub_queue_oldest_waiting_seconds{queue="ingest"} 4.5');
    expect(text).toContain('hub_queue_workers{queue="ingest"} 2');
    expect(reads).toBe(1);
  });

  it('keeps the last values when the queue cannot be read', async () => {
    const metrics = new HubMetrics();
    metrics.useQueueProbe(async () => {
      throw new Error('Redis away');
    });
    await expect(metrics.registry.metrics()).resolves.toContain('hub_queue_workers');
  });
});
