import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, request, useCsrfToken, whenSignedOut } from './api.js';
import { Connections } from './connections.js';
import { DeadLetters } from './dead-letters.js';
import { EventSearch } from './event-search.js';
import { clock } from './format.js';
import { Overview } from './overview.js';
import { Logo, SignIn } from './sign-in.js';
import { Dot, html, Toasts, toast, usePoll } from './ui.js';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'dead-letters', label: 'Dead letters' },
  { id: 'events', label: 'Events' },
  { id: 'connections', label: 'Connections' },
];

function currentTab() {
  const id = location.hash.replace(/^#/, '');
  return TABS.some((t) => t.id === id) ? id : 'overview';
}

function Dashboard({ onSignOut }) {
  const [tab, setTab] = useState(currentTab());
  useEffect(() => {
    const onHash = () => setTab(currentTab());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The overview feeds the header and the tab badges on every tab, every 5 seconds.
  const [overview, refreshOverview] = usePoll(() => get('/admin/overview'), 5000);
  const data = overview.data;
  const workers = data && data.queue ? data.queue.workers.length : null;
  const deps = data ? data.dependencies : null;
  const select = (id) => {
    location.hash = id;
    setTab(id);
  };
  return html`<div>
    <header class="topbar">
      <div class="brand"><${Logo} /> Learning Hub <span class="sub">Operations</span></div>
      <div class="deps" aria-label="Dependencies">
        <span class="dep"><${Dot} health=${deps ? (deps.postgres === 'up' ? 'ok' : 'down') : 'off'} /> PostgreSQL</span>
        <span class="dep"><${Dot} health=${deps ? (deps.redis === 'up' ? 'ok' : 'down') : 'off'} /> Redis</span>
        <span class="dep" data-testid="workers"><${Dot} health=${workers === null ? 'off' : workers > 0 ? 'ok' : 'down'} /> ${workers === null ? '—' : workers} worker${workers === 1 ? '' : 's'}</span>
      </div>
      <span class="spacer"></span>
      <span class="refreshed" title="The overview refreshes every 5 seconds">
        ${overview.error ? html`<span class="error-text">Update failed: ${overview.error.message}</span>` : overview.at ? `Updated ${clock(overview.at)}` : 'Loading…'}
      </span>
      <nav class="toplinks">
        <a class="button" href="/admin/queues" target="_blank" rel="noopener">Queues</a>
        <a class="button" href="/docs" target="_blank" rel="noopener">API docs</a>
        <button type="button" onClick=${onSignOut}>Sign out</button>
      </nav>
    </header>
    <nav class="tabs" role="tablist">
      ${TABS.map(
        (t) => html`<button type="button" role="tab" class="tab" id=${`tab-${t.id}`} aria-selected=${tab === t.id} onClick=${() => select(t.id)}>
          ${t.label}
          ${t.id === 'dead-letters' && data && data.openDeadLetters !== null && html`<span class=${`badge ${data.openDeadLetters > 0 ? 'warn' : ''}`} data-testid="open-dead-letters-badge">${data.openDeadLetters}</span>`}
        </button>`,
      )}
    </nav>
    <main>
      ${tab === 'overview' && html`<${Overview} overview=${overview} />`}
      ${tab === 'dead-letters' && html`<${DeadLetters} onChange=${refreshOverview} />`}
      ${tab === 'events' && html`<${EventSearch} />`}
      ${tab === 'connections' && html`<${Connections} />`}
    </main>
    <${Toasts} />
  </div>`;
}

function App() {
  // undefined: asking the hub; null: signed out; otherwise the session.
  const [session, setSession] = useState(undefined);
  const [notice, setNotice] = useState(null);
  useEffect(() => {
    whenSignedOut(() => {
      useCsrfToken(null);
      setSession((current) => {
        if (current) setNotice('Your session ended. Sign in again to continue.');
        return null;
      });
    });
    get('/admin/session').then(
      (s) => {
        useCsrfToken(s.csrfToken);
        setSession(s);
      },
      () => setSession(null),
    );
  }, []);
  const signedIn = (s) => {
    useCsrfToken(s.csrfToken);
    setNotice(null);
    setSession(s);
  };
  const signOut = async () => {
    try {
      await request('DELETE', '/admin/session');
    } catch (err) {
      toast(`Sign-out failed: ${err.message}`, 'error');
      return;
    }
    useCsrfToken(null);
    setNotice('Signed out.');
    setSession(null);
  };
  if (session === undefined) return html`<div class="signin"><span class="muted">Loading…</span></div>`;
  if (session === null) return html`<${SignIn} onSignedIn=${signedIn} notice=${notice} />`;
  return html`<${Dashboard} onSignOut=${signOut} />`;
}

render(html`<${App} />`, document.getElementById('app'));
