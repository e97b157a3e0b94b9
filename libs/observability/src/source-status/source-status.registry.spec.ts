import { SOURCE_STATUS_PUBLISH_MS, statusOf, type PublishedStatus } from './source-status.registry.js';

const NOW = Date.parse('2024-03-01T12:00:00Z');
const published = (state: string, agoMs: number): PublishedStatus => ({
  status: { source: 'IMC', state, health: 'ok', detail: 'artemis amqp://broker:5672' },
  reportedUtc: new Date(NOW - agoMs).toISOString(),
});

describe('statusOf', () => {
  it('shows a source nobody reports on as not configured', () => {
    expect(statusOf('XAPI', undefined, undefined, NOW)).toEqual({ source: 'XAPI', state: 'not configured', health: 'off' });
  });

  it('prefers what a provider in this process says', () => {
    const own = { source: 'ALM', state: 'receiving', health: 'ok' as const };
    expect(statusOf('ALM', own, published('connected', 0), NOW)).toBe(own);
  });

  it('turns a failing provider into a degraded status that says why', () => {
    expect(statusOf('ALM', new Error('database down'), undefined, NOW)).toMatchObject({ health: 'degraded', detail: expect.stringContaining('database down') });
  });

  it('shows what another process published while it keeps publishing', () => {
    expect(statusOf('IMC', undefined, published('connected', SOURCE_STATUS_PUBLISH_MS), NOW)).toMatchObject({ state: 'connected', health: 'ok' });
  });

  it('marks a published status stale when its process stopped reporting (a dead worker must not look connected)', () => {
    const stale = statusOf('IMC', undefined, published('connected', 5 * SOURCE_STATUS_PUBLISH_MS), NOW);
    expect(stale).toMatchObject({ state: 'connected (stale)', health: 'degraded' });
    expect(stale.detail).toMatch(/No report since/);
  });

  it('keeps a status that was switched off on purpose (a consumer stopped cleanly) as it is', () => {
    const stopped: PublishedStatus = { status: { source: 'IMC', state: 'stopped', health: 'off' }, reportedUtc: new Date(NOW - 3_600_000).toISOString() };
    expect(statusOf('IMC', undefined, stopped, NOW)).toEqual(stopped.status);
  });
});
