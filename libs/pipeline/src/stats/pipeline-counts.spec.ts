import { counterField, MINUTE_MS, parseCounterField, seriesOf, windowsOf, type CountsSnapshot } from './pipeline-counts.js';

const NOW = Date.parse('2024-03-01T12:30:30Z');
const minute = Math.floor(NOW / MINUTE_MS);
const hour = Math.floor(NOW / 3_600_000);

function snapshot(minutes: [number, Record<string, number>][], hours: [number, Record<string, number>][]): CountsSnapshot {
  const asText = (fields: Record<string, number>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return { nowMs: NOW, minutes: new Map(minutes.map(([m, f]) => [m, asText(f)])), hours: new Map(hours.map(([h, f]) => [h, asText(f)])) };
}

describe('pipeline counts', () => {
  it('names fields by source and kind, and ignores fields it does not know', () => {
    expect(parseCounterField(counterField('ALM', 'deadLettered'))).toEqual({ source: 'ALM', kind: 'deadLettered' });
    expect(parseCounterField('LB|bogus')).toBeNull();
    expect(parseCounterField('nobar')).toBeNull();
  });

  it('sums minute buckets into 5-minute and 1-hour windows and hour buckets into the day', () => {
    const counts = snapshot(
      [
        [minute, { 'LB|accepted': 3, 'LB|stored': 2 }],
        [minute - 4, { 'LB|accepted': 5 }],
        [minute - 5, { 'LB|accepted': 100, 'ALM|deadLettered': 1 }],
        [minute - 60, { 'LB|accepted': 1000 }],
      ],
      [
        [hour, { 'LB|accepted': 108 }],
        [hour - 23, { 'LB|accepted': 7 }],
        [hour - 24, { 'LB|accepted': 99999 }],
      ],
    );
    const windows = windowsOf(counts);
    expect(windows.get('LB')!.last5m).toMatchObject({ accepted: 8, stored: 2, duplicates: 0 });
    expect(windows.get('LB')!.last1h.accepted).toBe(108);
    expect(windows.get('LB')!.last24h.accepted).toBe(115);
    expect(windows.get('ALM')!.last5m.deadLettered).toBe(0);
    expect(windows.get('ALM')!.last1h.deadLettered).toBe(1);
  });

  it('gives the chart one number per minute, oldest first, the current minute last', () => {
    const series = seriesOf(snapshot([[minute, { 'IMC|stored': 4 }], [minute - 2, { 'IMC|stored': 1, 'IMC|duplicates': 2 }]], []), 5);
    expect(series.minutes).toHaveLength(5);
    expect(series.minutes[4]).toBe((minute * MINUTE_MS) / 1000);
    expect(series.sources.IMC.stored).toEqual([0, 0, 1, 0, 4]);
    expect(series.sources.IMC.duplicates).toEqual([0, 0, 2, 0, 0]);
    expect(series.sources.LB).toBeUndefined();
  });
});
