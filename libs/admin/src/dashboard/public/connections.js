import { useState } from 'preact/hooks';
import { del, get, post } from './api.js';
import { time } from './format.js';
import { ConfirmButton, ErrorText, html, Panel, toast, usePoll } from './ui.js';

/**
 * Managing who may send to the hub: programs, API keys, ALM webhooks, xAPI clients. Each panel calls the admin
 * route of its resource; a route this hub does not have (its module is not installed) answers 404, and the panel
 * says so instead of failing.
 */
function useList(path) {
  const [state, refresh] = usePoll(() => get(path), 0, [path]);
  const unavailable = state.error && state.error.status === 404;
  return { items: state.data || [], loaded: state.data !== null, error: unavailable ? null : state.error, unavailable, refresh };
}

function Unavailable({ path, what }) {
  return html`<div class="banner info" data-testid="unavailable">
    This hub does not manage ${what} yet: <code>GET ${path}</code> answered 404. The panel works as soon as the module that adds the route is installed.
  </div>`;
}

/** A secret the hub shows once (API key, client secret): stays on screen until dismissed. */
function ShownOnce({ title, entries, onDismiss }) {
  const copy = (value) => navigator.clipboard && navigator.clipboard.writeText(value).then(() => toast('Copied'), () => toast('Copy failed: select and copy by hand', 'error'));
  return html`<div class="secret-once mb" data-testid="shown-once">
    <strong>${title}</strong>
    ${entries.map(([label, value, secret]) => html`<div>${label}: <code data-testid=${secret ? 'secret-value' : undefined}>${value}</code>${' '}<button type="button" class="link" onClick=${() => copy(value)}>copy</button></div>`)}
    <div class="muted">The hub keeps only a hash of the secret: it cannot show it again.</div>
    <div><button type="button" class="small" onClick=${onDismiss}>I have stored it</button></div>
  </div>`;
}

function useSubmit(action) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    if (e) e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function ProgramSelect({ programs, value, onChange, name = 'programId' }) {
  return html`<select name=${name} value=${value} onChange=${(e) => onChange(e.target.value)} required>
    <option value="" disabled>choose…</option>
    ${programs.map((p) => html`<option value=${p.programId}>${p.programId} — ${p.name}</option>`)}
  </select>`;
}

// ---- programs ----------------------------------------------------------------------------------------------------
function Programs({ list }) {
  const [form, setForm] = useState({ programId: '', name: '' });
  const { error, busy, submit } = useSubmit(async () => {
    await post('/admin/programs', form);
    toast(`Program ${form.programId} created`);
    setForm({ programId: '', name: '' });
    list.refresh();
  });
  return html`<${Panel} title="Programs" hint="PublisherProgramId: who owns each event" id="programs">
    <form class="form-grid mb" onSubmit=${submit} data-testid="program-form">
      <label class="field">Program id<input name="programId" value=${form.programId} maxlength="25" required placeholder="NURSING" onInput=${(e) => setForm({ ...form, programId: e.target.value })} /></label>
      <label class="field">Name<input name="name" value=${form.name} required placeholder="Nursing board" onInput=${(e) => setForm({ ...form, name: e.target.value })} /></label>
      <div class="toolbar"><button class="primary" type="submit" disabled=${busy}>Create program</button></div>
    </form>
    <${ErrorText} error=${error || list.error} />
    <div class="table-wrap"><table class="data" data-testid="program-table">
      <thead><tr><th>Program id</th><th>Name</th><th>Created</th></tr></thead>
      <tbody>
        ${list.loaded && list.items.length === 0 && html`<tr><td colspan="3" class="empty">No programs yet.</td></tr>`}
        ${list.items.map((p) => html`<tr key=${p.programId}><td class="mono">${p.programId}</td><td>${p.name}</td><td class="nowrap">${time(p.createdUtc)}</td></tr>`)}
      </tbody>
    </table></div>
  </${Panel}>`;
}

// ---- API keys ----------------------------------------------------------------------------------------------------
function ApiKeys({ programs }) {
  const list = useList('/admin/api-keys');
  const [form, setForm] = useState({ name: '', programId: '', read: true, write: true });
  const [created, setCreated] = useState(null);
  const { error, busy, submit } = useSubmit(async () => {
    const scopes = [form.write && 'events:write', form.read && 'events:read'].filter(Boolean);
    const key = await post('/admin/api-keys', { name: form.name, programIds: [form.programId], scopes });
    setCreated({ ...key, name: form.name });
    setForm({ ...form, name: '' });
    list.refresh();
  });
  const revoke = async (key) => {
    try {
      await del(`/admin/api-keys/${key.id}`);
      toast(`Key “${key.name}” revoked`);
      list.refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  };
  return html`<${Panel} title="API keys" hint="for POST and GET /api/v1/events" id="api-keys">
    ${created && html`<${ShownOnce} title=${`API key “${created.name}” — shown once`} entries=${[['Key', created.key, true]]} onDismiss=${() => setCreated(null)} />`}
    <form class="form-grid mb" onSubmit=${submit} data-testid="api-key-form">
      <label class="field">Name<input name="name" value=${form.name} required placeholder="LearningBuilder production" onInput=${(e) => setForm({ ...form, name: e.target.value })} /></label>
      <label class="field">Program<${ProgramSelect} programs=${programs} value=${form.programId} onChange=${(v) => setForm({ ...form, programId: v })} /></label>
      <div class="checks">
        <label><input type="checkbox" checked=${form.write} onChange=${(e) => setForm({ ...form, write: e.target.checked })} /> events:write</label>
        <label><input type="checkbox" checked=${form.read} onChange=${(e) => setForm({ ...form, read: e.target.checked })} /> events:read</label>
      </div>
      <div class="toolbar"><button class="primary" type="submit" disabled=${busy || !form.programId || (!form.read && !form.write)}>Create key</button></div>
    </form>
    <${ErrorText} error=${error || list.error} />
    <div class="table-wrap"><table class="data" data-testid="api-key-table">
      <thead><tr><th>Name</th><th>Key starts</th><th>Programs</th><th>Scopes</th><th>Created</th><th></th></tr></thead>
      <tbody>
        ${list.loaded && list.items.length === 0 && html`<tr><td colspan="6" class="empty">No API keys yet.</td></tr>`}
        ${list.items.map((k) => html`<tr key=${k.id}>
          <td>${k.name}</td><td class="mono">${k.keyPrefix}…</td><td>${k.programIds.join(', ')}</td><td>${k.scopes.join(' ')}</td>
          <td class="nowrap">${time(k.createdUtc)}</td>
          <td class="actions">${k.revokedUtc ? html`<span class="faint" title=${time(k.revokedUtc)}>revoked</span>` : html`<${ConfirmButton} class="small" confirmLabel="Revoke?" onConfirm=${() => revoke(k)}>Revoke</${ConfirmButton}>`}</td>
        </tr>`)}
      </tbody>
    </table></div>
  </${Panel}>`;
}

// ---- ALM webhooks ------------------------------------------------------------------------------------------------
const ALM_PATH = '/admin/alm/webhooks';

function AlmWebhooks({ programs }) {
  const list = useList(ALM_PATH);
  const [form, setForm] = useState({ name: '', programId: '', type: 'signature', username: '', password: '', secret: '', header: '', algorithm: 'sha256', encoding: 'hex' });
  const [created, setCreated] = useState(null);
  const set = (patch) => setForm({ ...form, ...patch });
  const { error, busy, submit } = useSubmit(async () => {
    const auth =
      form.type === 'basic' ? { type: 'basic', username: form.username, password: form.password }
      : form.type === 'signature' ? { type: 'signature', secret: form.secret, ...(form.header ? { header: form.header } : {}), algorithm: form.algorithm, encoding: form.encoding }
      : { type: 'none' };
    const webhook = await post(ALM_PATH, { name: form.name, programId: form.programId, auth });
    setCreated(webhook);
    set({ name: '', password: '', secret: '' });
    list.refresh();
  });
  const remove = async (w) => {
    try {
      await del(`${ALM_PATH}/${w.id}`);
      toast(`Webhook “${w.name}” deleted`);
      list.refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  };
  return html`<${Panel} title="ALM webhooks" hint="Adobe Learning Manager posts here" id="alm-webhooks">
    ${list.unavailable ? html`<${Unavailable} path=${ALM_PATH} what="ALM webhooks" />` : html`
      ${created && html`<div class="secret-once mb"><strong>Webhook “${created.name || ''}” registered.</strong>
        <div>Enter this target URL in ALM: <code>${created.url || `${location.origin}${created.path}`}</code></div>
        <div><button type="button" class="small" onClick=${() => setCreated(null)}>Done</button></div></div>`}
      <form class="form-grid mb" onSubmit=${submit} data-testid="alm-form">
        <label class="field">Name<input name="name" value=${form.name} required placeholder="ALM production account" onInput=${(e) => set({ name: e.target.value })} /></label>
        <label class="field">Program<${ProgramSelect} programs=${programs} value=${form.programId} onChange=${(v) => set({ programId: v })} /></label>
        <label class="field">Authentication
          <select name="authType" value=${form.type} onChange=${(e) => set({ type: e.target.value })}>
            <option value="signature">Signature (HMAC)</option><option value="basic">Basic</option><option value="none">None</option>
          </select></label>
        ${form.type === 'basic' && html`
          <label class="field">Username<input name="username" value=${form.username} required autocomplete="off" onInput=${(e) => set({ username: e.target.value })} /></label>
          <label class="field">Password<input name="password" type="password" value=${form.password} required autocomplete="new-password" onInput=${(e) => set({ password: e.target.value })} /></label>`}
        ${form.type === 'signature' && html`
          <label class="field">Secret<input name="secret" type="password" value=${form.secret} required autocomplete="new-password" placeholder="from ALM’s signature JSON" onInput=${(e) => set({ secret: e.target.value })} /></label>
          <label class="field">Header<input name="header" value=${form.header} placeholder="x-alm-signature" onInput=${(e) => set({ header: e.target.value })} /></label>
          <label class="field">Algorithm<select name="algorithm" value=${form.algorithm} onChange=${(e) => set({ algorithm: e.target.value })}>
            <option value="sha256">HMAC-SHA256</option><option value="sha1">HMAC-SHA1</option><option value="sha512">HMAC-SHA512</option></select></label>
          <label class="field">Encoding<select name="encoding" value=${form.encoding} onChange=${(e) => set({ encoding: e.target.value })}>
            <option value="hex">hex</option><option value="base64">base64</option></select></label>`}
        <div class="toolbar"><button class="primary" type="submit" disabled=${busy || !form.programId}>Register webhook</button></div>
      </form>
      <${ErrorText} error=${error || list.error} />
      <div class="table-wrap"><table class="data" data-testid="alm-table">
        <thead><tr><th>Name</th><th>Program</th><th>Auth</th><th>Target path</th><th>Created</th><th></th></tr></thead>
        <tbody>
          ${list.loaded && list.items.length === 0 && html`<tr><td colspan="6" class="empty">No ALM webhooks yet.</td></tr>`}
          ${list.items.map((w) => html`<tr key=${w.id}>
            <td>${w.name}${w.enabled === false ? html` <span class="faint">(disabled)</span>` : ''}</td><td>${w.programId}</td>
            <td>${w.auth ? w.auth.type : '—'}</td><td class="mono">${w.path || ''}</td><td class="nowrap">${time(w.createdUtc)}</td>
            <td class="actions"><${ConfirmButton} class="small" confirmLabel="Delete?" onConfirm=${() => remove(w)}>Delete</${ConfirmButton}></td>
          </tr>`)}
        </tbody>
      </table></div>`}
  </${Panel}>`;
}

// ---- xAPI clients ------------------------------------------------------------------------------------------------
const XAPI_PATH = '/admin/xapi/clients';

function XapiClients({ programs }) {
  const list = useList(XAPI_PATH);
  const [form, setForm] = useState({ name: '', programId: '', igsClientId: '' });
  const [shown, setShown] = useState(null);
  const { error, busy, submit } = useSubmit(async () => {
    const client = await post(XAPI_PATH, { name: form.name, programId: form.programId, ...(form.igsClientId ? { igsClientId: form.igsClientId } : {}) });
    setShown({ ...client, title: `xAPI client “${form.name}” — secret shown once` });
    setForm({ ...form, name: '', igsClientId: '' });
    list.refresh();
  });
  const act = async (work, done) => {
    try {
      await work();
      toast(done);
      list.refresh();
    } catch (err) {
      toast(err.message, 'error');
    }
  };
  const revoke = (c) => act(() => del(`${XAPI_PATH}/${encodeURIComponent(c.clientId)}`), `Client “${c.name}” revoked`);
  const rotate = (c) =>
    act(async () => {
      const credentials = await post(`${XAPI_PATH}/${encodeURIComponent(c.clientId)}/secret`);
      setShown({ ...credentials, title: `New secret for “${c.name}” — shown once; the old one and its tokens stopped working` });
    }, `Secret of “${c.name}” rotated`);
  return html`<${Panel} title="xAPI clients" hint="imc xAPI partners: OAuth2 client credentials" id="xapi-clients">
    ${list.unavailable ? html`<${Unavailable} path=${XAPI_PATH} what="xAPI clients" />` : html`
      ${shown && html`<${ShownOnce} title=${shown.title} entries=${[['client_id', shown.clientId], ['client_secret', shown.clientSecret, true]]} onDismiss=${() => setShown(null)} />`}
      <form class="form-grid mb" onSubmit=${submit} data-testid="xapi-form">
        <label class="field">Name<input name="name" value=${form.name} required placeholder="imc partner" onInput=${(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label class="field">Program<${ProgramSelect} programs=${programs} value=${form.programId} onChange=${(v) => setForm({ ...form, programId: v })} /></label>
        <label class="field">igsClientId (optional)<input name="igsClientId" value=${form.igsClientId} placeholder="X-IGS-Client-Id" onInput=${(e) => setForm({ ...form, igsClientId: e.target.value })} /></label>
        <div class="toolbar"><button class="primary" type="submit" disabled=${busy || !form.programId}>Create client</button></div>
      </form>
      <${ErrorText} error=${error || list.error} />
      <div class="table-wrap"><table class="data" data-testid="xapi-table">
        <thead><tr><th>Name</th><th>Program</th><th>client_id</th><th>igsClientId</th><th>Created</th><th></th></tr></thead>
        <tbody>
          ${list.loaded && list.items.length === 0 && html`<tr><td colspan="6" class="empty">No xAPI clients yet.</td></tr>`}
          ${list.items.map((c) => html`<tr key=${c.clientId}>
            <td>${c.name}</td><td>${c.programId}</td><td class="mono breakable">${c.clientId}</td><td class="mono breakable">${c.igsClientId || '—'}</td><td class="nowrap">${time(c.createdUtc)}</td>
            <td class="actions">${c.revokedUtc ? html`<span class="faint" title=${time(c.revokedUtc)}>revoked</span>` : html`
              <${ConfirmButton} class="small" confirmLabel="Rotate?" onConfirm=${() => rotate(c)}>Rotate secret</${ConfirmButton}>
              <${ConfirmButton} class="small" confirmLabel="Revoke?" onConfirm=${() => revoke(c)}>Revoke</${ConfirmButton}>`}</td>
          </tr>`)}
        </tbody>
      </table></div>`}
  </${Panel}>`;
}

export function Connections() {
  const programs = useList('/admin/programs');
  return html`<div class="grid-connections">
    <${Programs} list=${programs} />
    <${ApiKeys} programs=${programs.items} />
    <${AlmWebhooks} programs=${programs.items} />
    <${XapiClients} programs=${programs.items} />
  </div>`;
}
