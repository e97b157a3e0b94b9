import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';

export const html = htm.bind(h);

/**
 * Runs `load` now and every `intervalMs` while the tab is visible; `refresh()` runs it at once. Keeps the last good
 * data when a poll fails, so a blip shows as an error line, not an empty page.
 */
export function usePoll(load, intervalMs, deps = []) {
  const [state, setState] = useState({ data: null, error: null, at: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer;
    const run = async () => {
      if (document.hidden) {
        timer = setTimeout(run, 1000);
        return;
      }
      try {
        const data = await load();
        if (!stopped) setState({ data, error: null, at: new Date() });
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error }));
      }
      if (!stopped && intervalMs) timer = setTimeout(run, intervalMs);
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [...deps, tick]);
  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return [state, refresh];
}

// ---- toasts ---------------------------------------------------------------------------------------------------
let pushToast = () => {};
export function toast(message, kind = 'ok') {
  pushToast({ message, kind, id: Math.random() });
}

export function Toasts() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    pushToast = (item) => {
      setItems((list) => [...list, item]);
      setTimeout(() => setItems((list) => list.filter((i) => i !== item)), item.kind === 'error' ? 8000 : 4000);
    };
  }, []);
  return html`<div class="toasts" role="status" aria-live="polite">
    ${items.map((t) => html`<div key=${t.id} class=${`toast ${t.kind}`}>${t.message}</div>`)}
  </div>`;
}

// ---- small pieces ---------------------------------------------------------------------------------------------
export function Dot({ health, label }) {
  return html`<span class=${`dot ${health || 'off'}`} title=${label || health} aria-label=${label || health}></span>`;
}

export function Pill({ health, children }) {
  return html`<span class=${`pill ${health || 'off'}`}><${Dot} health=${health} />${children}</span>`;
}

export function Panel({ title, hint, actions, children, id }) {
  return html`<section class="panel" id=${id} aria-label=${title}>
    <header><h2>${title}</h2>${hint && html`<span class="hint">${hint}</span>`}<span class="spacer"></span>${actions}</header>
    ${children}
  </section>`;
}

/** A destructive action asks once more on the button itself instead of a modal dialog. */
export function ConfirmButton({ onConfirm, children, confirmLabel = 'Click again to confirm', class: extra = '', disabled, title }) {
  const [armed, setArmed] = useState(false);
  const timer = useRef();
  useEffect(() => () => clearTimeout(timer.current), []);
  const click = () => {
    if (!armed) {
      setArmed(true);
      timer.current = setTimeout(() => setArmed(false), 4000);
      return;
    }
    clearTimeout(timer.current);
    setArmed(false);
    onConfirm();
  };
  return html`<button type="button" class=${`danger ${armed ? 'armed' : ''} ${extra}`} disabled=${disabled} title=${title} onClick=${click}>${armed ? confirmLabel : children}</button>`;
}

/** A problem+json's detail and its field errors, in words. */
export function ErrorText({ error }) {
  if (!error) return null;
  return html`<div class="error-text" role="alert">
    ${error.message}${error.fields && error.fields.length ? html`: ${error.fields.map((f) => `${f.field} ${f.message}`).join('; ')}` : ''}
  </div>`;
}

export function Drawer({ title, onClose, children, actions }) {
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return html`<div class="scrim" onClick=${onClose}></div>
    <aside class="drawer" role="dialog" aria-label=${title}>
      <header><h2>${title}</h2><span class="spacer"></span>${actions}<button type="button" onClick=${onClose}>Close</button></header>
      <div class="body">${children}</div>
    </aside>`;
}
