import { useState } from 'preact/hooks';
import { get, post, request, withQuery } from './api.js';
import { bytes, count, prettyPayload, time } from './format.js';
import { ConfirmButton, Drawer, ErrorText, html, Panel, toast, usePoll } from './ui.js';

const PAGE = 50;
const SOURCES = ['', 'LB', 'ALM', 'IMC', 'XAPI'];

function Inspect({ id, onClose, onReplay, onDiscard }) {
  const [state] = usePoll(() => get(`/admin/dead-letters/${id}`), 0, [id]);
  const letter = state.data;
  const open = letter && letter.status === 'open';
  return html`<${Drawer} title="Dead letter" onClose=${onClose} actions=${open && html`
      <button type="button" class="primary" onClick=${() => onReplay([id])}>Replay</button>
      <${ConfirmButton} onConfirm=${() => onDiscard([id])}>Discard</${ConfirmButton}>`}>
    <${ErrorText} error=${state.error} />
    ${letter && html`
      <dl class="kv">
        <dt>Id</dt><dd class="mono">${letter.id}</dd>
        <dt>Source</dt><dd>${letter.source}</dd>
        <dt>Program</dt><dd>${letter.programId || '—'}</dd>
        <dt>Status</dt><dd>${letter.status}</dd>
        <dt>Attempts</dt><dd>${letter.attempts}</dd>
        <dt>First seen</dt><dd>${time(letter.firstSeenUtc)}</dd>
        <dt>Last seen</dt><dd>${time(letter.lastSeenUtc)}</dd>
        <dt>Content type</dt><dd>${letter.contentType || '—'}</dd>
        <dt>Size</dt><dd>${bytes(letter.size)}</dd>
      </dl>
      <div><h3>Reason</h3><pre class="payload" data-testid="dead-letter-reason">${letter.reason}</pre></div>
      ${letter.context && html`<div><h3>Context</h3><pre class="payload">${JSON.stringify(letter.context, null, 2)}</pre></div>`}
      <div><h3>Payload${letter.payloadBase64 ? ' (not UTF-8; base64 below)' : ''}</h3>
        <pre class="payload" data-testid="dead-letter-payload">${letter.payloadBase64 || prettyPayload(letter.payload)}</pre></div>`}
  </${Drawer}>`;
}

export function DeadLetters({ onChange }) {
  const [filter, setFilter] = useState({ status: 'open', source: '', programId: '', reason: '' });
  const [draft, setDraft] = useState(filter);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState(new Set());
  const [inspecting, setInspecting] = useState(null);
  const [busy, setBusy] = useState(false);
  const [list, refresh] = usePoll(
    async () => {
      const { data, headers } = await request('GET', withQuery('/admin/dead-letters', { ...filter, limit: PAGE, offset }));
      return { letters: data, total: Number(headers.get('X-Total-Count') || data.length) };
    },
    10000,
    [JSON.stringify(filter), offset],
  );
  const letters = list.data ? list.data.letters : [];
  const total = list.data ? list.data.total : 0;
  const openOnes = letters.filter((l) => l.status === 'open');
  const allSelected = openOnes.length > 0 && openOnes.every((l) => selected.has(l.id));

  const after = () => {
    setSelected(new Set());
    refresh();
    onChange();
  };
  const act = async (ids, path, verb) => {
    setBusy(true);
    try {
      const results = await post(path, { ids });
      const failed = results.filter((r) => r.outcome === 'failed');
      const done = results.length - failed.length;
      if (done) toast(`${verb} ${done} dead letter${done === 1 ? '' : 's'}`);
      for (const f of failed) toast(`${f.id.slice(0, 8)}: ${f.detail}`, 'error');
      setInspecting(null);
      after();
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      setBusy(false);
    }
  };
  const replay = (ids) => act(ids, '/admin/dead-letters/replay', 'Replayed');
  const discard = (ids) => act(ids, '/admin/dead-letters/discard', 'Discarded');
  const toggle = (id) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const apply = (e) => {
    e.preventDefault();
    setOffset(0);
    setSelected(new Set());
    setFilter({ ...draft });
  };

  return html`<${Panel} title="Dead letters" hint="payloads that could not be stored, kept with their raw bytes until replayed or discarded">
    <form class="toolbar mb" onSubmit=${apply}>
      <label class="field">Status
        <select name="status" value=${draft.status} onChange=${(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="open">open</option><option value="replayed">replayed</option><option value="discarded">discarded</option>
        </select></label>
      <label class="field">Source
        <select name="source" value=${draft.source} onChange=${(e) => setDraft({ ...draft, source: e.target.value })}>
          ${SOURCES.map((s) => html`<option value=${s}>${s || 'all'}</option>`)}
        </select></label>
      <label class="field">Program<input name="programId" value=${draft.programId} onInput=${(e) => setDraft({ ...draft, programId: e.target.value })} placeholder="any" size="14" /></label>
      <label class="field">Reason contains<input name="reason" value=${draft.reason} onInput=${(e) => setDraft({ ...draft, reason: e.target.value })} placeholder="e.g. constraint" size="22" /></label>
      <button type="submit">Filter</button>
      <span class="spacer"></span>
      <button type="button" class="primary" disabled=${busy || selected.size === 0} onClick=${() => replay([...selected])} data-testid="replay-selected">Replay selected (${selected.size})</button>
      <${ConfirmButton} disabled=${busy || selected.size === 0} onConfirm=${() => discard([...selected])}>Discard selected (${selected.size})</${ConfirmButton}>
    </form>
    <${ErrorText} error=${list.error} />
    <div class="table-wrap"><table class="data" data-testid="dead-letter-table">
      <thead><tr>
        <th><input type="checkbox" aria-label="Select all open" checked=${allSelected} disabled=${openOnes.length === 0}
          onChange=${() => setSelected(allSelected ? new Set() : new Set(openOnes.map((l) => l.id)))} /></th>
        <th>Last seen</th><th>Source</th><th>Program</th><th>Reason</th><th class="right">Attempts</th><th class="right">Size</th><th></th>
      </tr></thead>
      <tbody>
        ${letters.length === 0 && html`<tr><td colspan="8" class="empty">${list.data ? 'No dead letters match. Nothing is stuck.' : 'Loading…'}</td></tr>`}
        ${letters.map((l) => html`<tr key=${l.id} class=${selected.has(l.id) ? 'selected' : ''} data-id=${l.id} data-program=${l.programId}>
          <td><input type="checkbox" aria-label="Select" checked=${selected.has(l.id)} disabled=${l.status !== 'open'} onChange=${() => toggle(l.id)} /></td>
          <td class="nowrap">${time(l.lastSeenUtc)}</td>
          <td>${l.source}</td>
          <td>${l.programId || '—'}</td>
          <td class="reason" title=${l.reason}>${l.reason}</td>
          <td class="right num">${l.attempts}</td>
          <td class="right num nowrap">${bytes(l.size)}</td>
          <td class="actions">
            <button type="button" class="small" onClick=${() => setInspecting(l.id)}>Inspect</button>
            ${l.status === 'open' && html` <button type="button" class="small primary" disabled=${busy} onClick=${() => replay([l.id])}>Replay</button>
              <${ConfirmButton} class="small" disabled=${busy} confirmLabel="Discard?" onConfirm=${() => discard([l.id])}>Discard</${ConfirmButton}>`}
          </td>
        </tr>`)}
      </tbody>
    </table></div>
    <div class="toolbar mt">
      <span class="muted">${total ? `${offset + 1}–${offset + letters.length} of ${count(total)}` : ''}</span>
      <span class="spacer"></span>
      <button type="button" disabled=${offset === 0} onClick=${() => setOffset(Math.max(0, offset - PAGE))}>Newer</button>
      <button type="button" disabled=${offset + PAGE >= total} onClick=${() => setOffset(offset + PAGE)}>Older</button>
    </div>
    ${inspecting && html`<${Inspect} id=${inspecting} onClose=${() => setInspecting(null)} onReplay=${replay} onDiscard=${discard} />`}
  </${Panel}>`;
}
