import { get } from './api.js';
import { ago, count, duration, time } from './format.js';
import { ThroughputChart } from './throughput-chart.js';
import { Dot, html, Panel, Pill, usePoll } from './ui.js';

const SOURCE_NAMES = { LB: 'LearningBuilder · hub API', ALM: 'Adobe Learning Manager', IMC: 'imc Learning Suite queue', XAPI: 'imc xAPI partners' };
const ROWS = [
  ['accepted', 'Received'],
  ['stored', 'Stored'],
  ['duplicates', 'Duplicates'],
  ['deadLettered', 'Dead-lettered'],
  ['refused', 'Refused (503)'],
];

function total(sources, kind) {
  if (!sources.length || sources.some((s) => !s.counts)) return null;
  return sources.reduce((sum, s) => sum + s.counts.last5m[kind], 0);
}

function Tile({ label, value, note, tone, testid }) {
  return html`<div class=${`tile ${tone || ''}`} data-testid=${testid}>
    <div class="label">${label}</div><div class="value">${value}</div>${note && html`<div class="note">${note}</div>`}
  </div>`;
}

function Tiles({ data }) {
  const sources = data.sources;
  const queue = data.queue;
  const waitingTone = queue && queue.oldestWaitingSeconds > 60 ? 'alert' : queue && queue.oldestWaitingSeconds > 10 ? 'warn' : '';
  return html`<section aria-label="Last 5 minutes">
    <h3 class="section-title">Last 5 minutes, all sources</h3>
    <div class="tiles">
      <${Tile} testid="tile-received" label="Received" value=${count(total(sources, 'accepted'))} note="events acknowledged" />
      <${Tile} testid="tile-stored" label="Stored" value=${count(total(sources, 'stored'))} note="new events" />
      <${Tile} testid="tile-duplicates" label="Duplicates" value=${count(total(sources, 'duplicates'))} note="redeliveries" />
      <${Tile} testid="tile-dead-lettered" label="Dead-lettered" value=${count(total(sources, 'deadLettered'))} note="payloads" tone=${total(sources, 'deadLettered') > 0 ? 'alert' : ''} />
      <${Tile} testid="tile-refused" label="Refused" value=${count(total(sources, 'refused'))} note="503 to senders" tone=${total(sources, 'refused') > 0 ? 'warn' : ''} />
      <${Tile} testid="tile-waiting" label="Queue waiting" value=${queue ? count(queue.waiting + queue.prioritized) : '—'} note=${queue ? `${count(queue.active)} active · ${count(queue.delayed)} retrying` : 'queue unreadable'} />
      <${Tile} testid="tile-oldest" label="Oldest waiting" value=${queue ? duration(queue.oldestWaitingSeconds) : '—'} note="time a job has waited" tone=${waitingTone} />
      <${Tile} testid="tile-open-dead-letters" label="Open dead letters" value=${count(data.openDeadLetters)} note="to replay or discard" tone=${data.openDeadLetters > 0 ? 'alert' : ''} />
    </div>
  </section>`;
}

function SourceCard({ source }) {
  const c = source.counts;
  return html`<article class="source" data-source=${source.source} data-testid=${`source-${source.source}`}>
    <div class="head">
      <span class="name">${source.source}</span><span class="kind">${SOURCE_NAMES[source.source] || ''}</span>
      <${Pill} health=${source.health}>${source.state}</${Pill}>
    </div>
    <div class="detail" title=${source.detail || ''}>${source.detail || (source.health === 'off' ? 'Nothing set up for this source on this hub' : '\u00a0')}</div>
    <table class="counts">
      <thead><tr><th></th><th>5 min</th><th>1 hour</th><th>24 hours</th></tr></thead>
      <tbody>
        ${ROWS.map(([kind, label]) => {
          const bad = c && (kind === 'deadLettered' || kind === 'refused') && c.last1h[kind] > 0;
          const zero = c && c.last24h[kind] === 0;
          return html`<tr class=${bad ? 'bad' : zero ? 'zero' : ''} data-kind=${kind}>
            <td>${label}</td>
            <td data-window="5m">${c ? count(c.last5m[kind]) : '—'}</td>
            <td data-window="1h">${c ? count(c.last1h[kind]) : '—'}</td>
            <td data-window="24h">${c ? count(c.last24h[kind]) : '—'}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <div class="foot">
      <span title=${source.lastStoredUtc || ''}>Last stored: ${ago(source.lastStoredUtc)}</span>
      <span>${source.openDeadLetters ? html`<a href="#dead-letters">${count(source.openDeadLetters)} open dead letter${source.openDeadLetters === 1 ? '' : 's'}</a>` : 'No open dead letters'}</span>
    </div>
  </article>`;
}

/** Events the workers finished (stored, duplicate or dead-lettered) in the last full minute; the current one is still filling. */
function finishedLastMinute(throughput) {
  if (!throughput || throughput.minutes.length < 2) return null;
  const i = throughput.minutes.length - 2;
  return Object.values(throughput.sources).reduce((sum, s) => sum + s.stored[i] + s.duplicates[i] + s.deadLettered[i], 0);
}

function QueueHealth({ queue, throughput }) {
  if (!queue) return html`<${Panel} title="Queue health"><div class="banner error">The ingest queue cannot be read: Redis is unreachable.</div></${Panel}>`;
  const tone = (n, warn, alert) => (n >= alert ? 'alert' : n >= warn ? 'warn' : '');
  return html`<${Panel} title="Queue health" hint=${`BullMQ queue “${queue.name}”`} actions=${html`<a href="/admin/queues" target="_blank" rel="noopener">Open Bull Board</a>`}>
    ${queue.paused && html`<div class="banner warn">The queue is paused: workers take nothing until it is resumed.</div>`}
    <div class="queue-stats" data-testid="queue-stats">
      <div class=${`stat ${tone(queue.waiting + queue.prioritized, 1000, 10000)}`}><div class="label">Waiting</div><div class="value">${count(queue.waiting + queue.prioritized)}</div></div>
      <div class="stat"><div class="label">Active</div><div class="value">${count(queue.active)}</div></div>
      <div class=${`stat ${tone(queue.delayed, 1, 100)}`}><div class="label">Retrying</div><div class="value">${count(queue.delayed)}</div></div>
      <div class=${`stat ${tone(queue.failed, 1, 1)}`}><div class="label">Failed</div><div class="value">${count(queue.failed)}</div></div>
    </div>
    <dl class="kv">
      <dt>Backlog</dt><dd>${queue.waiting + queue.prioritized + queue.delayed === 0 ? 'none' : `${count(queue.waiting + queue.prioritized + queue.delayed)} jobs waiting or retrying`}</dd>
      <dt>Finished last minute</dt><dd>${count(finishedLastMinute(throughput))} events</dd>
      <dt>Oldest waiting job</dt><dd>${queue.oldestWaitingSeconds === null ? 'none waiting' : duration(queue.oldestWaitingSeconds)}</dd>
      <dt>Workers connected</dt>
      <dd>${queue.workers.length === 0 ? html`<span class="error-text">none — nothing is being stored</span>` : html`${queue.workers.length}
        <span class="muted"> · ${queue.workers.map((w) => `${w.address} (up ${duration(w.ageSeconds)})`).join(', ')}</span>`}</dd>
    </dl>
  </${Panel}>`;
}

function SourceStatus({ sources }) {
  return html`<${Panel} title="Source status" hint="connections, broker state, deliveries">
    <div class="table-wrap"><table class="data" data-testid="source-status">
      <thead><tr><th>Source</th><th>State</th><th>Since</th><th>Last delivery</th><th>Auth failures (1 h)</th><th>Detail</th></tr></thead>
      <tbody>
        ${sources.map((s) => html`
          <tr key=${s.source}>
            <td><strong>${s.source}</strong></td>
            <td><${Pill} health=${s.health}>${s.state}</${Pill}></td>
            <td class="nowrap">${s.sinceUtc ? ago(s.sinceUtc) : '—'}</td>
            <td class="nowrap" title=${s.lastAcceptedUtc || ''}>${s.lastAcceptedUtc ? ago(s.lastAcceptedUtc) : '—'}</td>
            <td></td>
            <td class="muted">${s.detail || ''}</td>
          </tr>
          ${s.connections.map((c) => html`<tr key=${`${s.source}-${c.id}`}>
            <td class="muted">└ ${c.name}</td>
            <td>${c.health ? html`<${Pill} health=${c.health}>${c.state || c.health}</${Pill}>` : c.state || ''}</td>
            <td></td>
            <td class="nowrap" title=${c.lastDeliveryUtc || ''}>${c.lastDeliveryUtc === undefined ? '—' : ago(c.lastDeliveryUtc)}</td>
            <td class="num">${c.authFailures ? html`<span class=${c.authFailures.lastHour > 0 ? 'error-text' : ''}>${count(c.authFailures.lastHour)}</span>${c.authFailures.lastUtc ? html` <span class="faint">last ${time(c.authFailures.lastUtc)}</span>` : ''}` : '—'}</td>
            <td class="muted">${c.detail || ''}</td>
          </tr>`)}
        `)}
      </tbody>
    </table></div>
  </${Panel}>`;
}

export function Overview({ overview }) {
  // Read again whenever the overview was: the chart and the cards never disagree for long.
  const [throughput] = usePoll(() => get('/admin/overview/throughput?minutes=60'), 0, [overview.at && overview.at.getTime()]);
  const data = overview.data;
  if (!data) return overview.error ? html`<div class="banner error">The overview cannot be read: ${overview.error.message}</div>` : html`<div class="muted">Loading…</div>`;
  return html`
    ${data.problems.length > 0 && html`<div class="banner error" data-testid="problems">${data.problems.map((p) => html`<div>${p}</div>`)}</div>`}
    <${Tiles} data=${data} />
    <div class="grid-sources">${data.sources.map((s) => html`<${SourceCard} key=${s.source} source=${s} />`)}</div>
    <${ThroughputChart} series=${throughput.data} error=${throughput.error} />
    <div class="grid-2">
      <${QueueHealth} queue=${data.queue} throughput=${throughput.data} />
      <${SourceStatus} sources=${data.sources} />
    </div>`;
}
