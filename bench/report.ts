import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface Row {
  scenario: string;
  metric: string;
  hub: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A row comparing the hub with its baseline; `higherIsBetter` decides how the target reads. */
export function compare(scenario: string, metric: string, hub: number, baseline: number, target: { ratio: number; higherIsBetter: boolean }, digits = 0): Row {
  const ratio = hub / baseline;
  const met = target.higherIsBetter ? ratio >= target.ratio : ratio <= target.ratio;
  return {
    scenario,
    metric,
    hub: fmt(hub, digits),
    baseline: fmt(baseline, digits),
    ratio: ratio.toFixed(2),
    target: `${target.higherIsBetter ? '≥' : '≤'} ${target.ratio}`,
    verdict: met ? 'met' : 'NOT MET',
  };
}

export function renderTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'hub', 'baseline', 'ratio', 'target', 'verdict'];
  const lines = rows.map((r) => [r.scenario, r.metric, r.hub, r.baseline, r.ratio, r.target, r.verdict]);
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...lines.map((l) => `| ${l.join(' | ')} |`)].join('\n');
}

export function writeReport(file: URL, rows: Row[], notes: string[]): string {
  const body = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, Node ${process.version}. ` +
      'Every ratio compares two runs made side by side in the same benchmark run, on the same machine and stack.',
    '',
    renderTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(file, body);
  return body;
}
