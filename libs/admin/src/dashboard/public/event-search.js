import { useState } from 'preact/hooks';
import { get, withQuery } from './api.js';
import { time } from './format.js';
import { Drawer, ErrorText, html, Panel } from './ui.js';

const EMPTY = { programId: '', systemId: '', eventType: '', participantId: '', publisherEventId: '', from: '', to: '' };

/** datetime-local gives local time without a zone; the API wants ISO 8601 in UTC. */
const toIso = (local) => (local ? new Date(local).toISOString() : '');

export function EventSearch() {
  const [form, setForm] = useState(EMPTY);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(null);

  const query = (before) => withQuery('/admin/events', { ...form, from: toIso(form.from), to: toIso(form.to), before, limit: 50 });
  const search = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await get(query()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const more = async () => {
    setBusy(true);
    try {
      const page = await get(query(result.next));
      setResult({ events: [...result.events, ...page.events], next: page.next });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const field = (name, label, placeholder, type = 'text') => html`<label class="field">${label}
    <input name=${name} type=${type} value=${form[name]} placeholder=${placeholder} onInput=${(e) => setForm({ ...form, [name]: e.target.value })} /></label>`;

  return html`<${Panel} title="Event search" hint="every program, newest stored first">
    <form class="form-grid mb" onSubmit=${search} data-testid="event-search-form">
      ${field('programId', 'Program', 'any')}
      <label class="field">System
        <select name="systemId" value=${form.systemId} onChange=${(e) => setForm({ ...form, systemId: e.target.value })}>
          ${['', 'LB', 'ALM', 'IMC', 'XAPI'].map((s) => html`<option value=${s}>${s || 'any'}</option>`)}
        </select></label>
      ${field('eventType', 'Event type', 'e.g. AI_COMP_SUCCESS')}
      ${field('participantId', 'Participant', 'e.g. joebob@example.com')}
      ${field('publisherEventId', 'Publisher event id', 'e.g. AI:1234')}
      ${field('from', 'Started from', '', 'datetime-local')}
      ${field('to', 'Started before', '', 'datetime-local')}
      <div class="toolbar">
        <button type="submit" class="primary" disabled=${busy}>Search</button>
        <button type="button" onClick=${() => { setForm(EMPTY); setResult(null); }}>Clear</button>
      </div>
    </form>
    <${ErrorText} error=${error} />
    ${result && html`<div class="table-wrap"><table class="data" data-testid="event-results">
      <thead><tr><th>Stored</th><th>System</th><th>Program</th><th>Type</th><th>Participant</th><th>Publisher event id</th><th>Started</th></tr></thead>
      <tbody>
        ${result.events.length === 0 && html`<tr><td colspan="7" class="empty">No stored event matches.</td></tr>`}
        ${result.events.map((e) => html`<tr key=${e.EventId} class="clickable" onClick=${() => setOpen(e)} data-event-id=${e.EventId}>
          <td class="nowrap">${time(e.CreatedUtc)}</td><td>${e.PublisherSystemId}</td><td>${e.PublisherProgramId}</td>
          <td>${e.EventType}</td><td>${e.PublisherParticipantId}</td><td class="mono">${e.PublisherEventId}</td><td class="nowrap">${time(e.EventStartUtc)}</td>
        </tr>`)}
      </tbody>
    </table></div>
    ${result.next && html`<div class="toolbar mt"><button type="button" disabled=${busy} onClick=${more}>Load older</button></div>`}`}
    ${open && html`<${Drawer} title=${open.EventId} onClose=${() => setOpen(null)}>
      <pre class="payload" data-testid="event-detail">${JSON.stringify(open, null, 2)}</pre>
    </${Drawer}>`}
  </${Panel}>`;
}
