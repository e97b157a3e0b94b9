import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { html, Panel } from './ui.js';

const COLORS = { LB: '#58a6ff', ALM: '#f0883e', IMC: '#bc8cff', XAPI: '#3fb950' };
const SPARE = ['#ff7b72', '#d2a8ff', '#79c0ff', '#ffa657'];
const METRICS = [
  ['accepted', 'Received'],
  ['stored', 'Stored'],
  ['duplicates', 'Duplicates'],
  ['deadLettered', 'Dead-lettered'],
];

const hhmm = (seconds) => new Date(seconds * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

function options(width, sources) {
  const axis = { stroke: '#8c99ab', grid: { stroke: '#243040', width: 1 }, ticks: { stroke: '#243040', width: 1 }, font: '12px system-ui, sans-serif' };
  return {
    width,
    height: 260,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(5, Math.ceil(max * 1.15))] } },
    axes: [
      { ...axis, space: 60, values: (_u, ticks) => ticks.map(hhmm) },
      { ...axis, label: 'events / minute', labelFont: '12px system-ui, sans-serif', size: 56 },
    ],
    series: [
      { label: 'Minute', value: (_u, v) => (v === null ? '—' : hhmm(v)) },
      ...sources.map((source, i) => {
        const color = COLORS[source] || SPARE[i % SPARE.length];
        return { label: source, stroke: color, width: 2, fill: `${color}14`, points: { show: false }, value: (_u, v) => (v === null ? '—' : String(v)) };
      }),
    ],
  };
}

/** Events per minute per source over the last hour (uPlot: small, fast, canvas; redrawn in place on each poll). */
export function ThroughputChart({ series, error }) {
  const [metric, setMetric] = useState('accepted');
  const box = useRef();
  const plot = useRef();
  const sources = series ? Object.keys(series.sources) : [];
  const sourceKey = sources.join(',');
  const data = series ? [series.minutes, ...sources.map((s) => series.sources[s][metric])] : null;

  useEffect(() => {
    const element = box.current;
    if (!data || !element) return undefined;
    plot.current = new uPlot(options(element.clientWidth, sources), data, element);
    const resize = new ResizeObserver(() => plot.current && plot.current.setSize({ width: element.clientWidth, height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current.destroy();
      plot.current = null;
    };
  }, [sourceKey, Boolean(data)]);

  useEffect(() => {
    if (plot.current && data) plot.current.setData(data);
  }, [series, metric]);

  const total = data ? data.slice(1).reduce((sum, line) => sum + line.reduce((a, b) => a + b, 0), 0) : 0;
  const label = METRICS.find(([m]) => m === metric)[1].toLowerCase();
  return html`<${Panel} title="Throughput, last hour" hint=${data ? `${total.toLocaleString('en-US')} ${label} in the hour · per minute` : ''}
    actions=${html`<div class="segmented" role="group" aria-label="What to chart">
      ${METRICS.map(([m, l]) => html`<button type="button" aria-pressed=${metric === m} onClick=${() => setMetric(m)}>${l}</button>`)}
    </div>`}>
    ${error && html`<div class="banner error">The throughput cannot be read: ${error.message}</div>`}
    <div class="chart" ref=${box} data-testid="throughput-chart"></div>
  </${Panel}>`;
}
