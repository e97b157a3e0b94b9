import { useRef, useState } from 'preact/hooks';
import { request } from './api.js';
import { ErrorText, html } from './ui.js';

export const Logo = () => html`<img class="logo" src="/assets/favicon.svg" alt="" />`;

/**
 * Exchanges the admin token for a session cookie. The token goes once, in the Authorization header of this POST;
 * it is never put in a URL or in storage, and the field is emptied whatever the answer.
 */
export function SignIn({ onSignedIn, notice }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const input = useRef();
  const submit = async (e) => {
    e.preventDefault();
    const token = input.current.value.trim();
    input.current.value = '';
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await request('POST', '/admin/session', undefined, { Authorization: `Bearer ${token}` });
      onSignedIn(data);
    } catch (err) {
      setError(err.status === 401 ? new Error('That is not this hub’s admin token.') : err);
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="signin">
    <form class="card" onSubmit=${submit} autocomplete="off">
      <div class="brand"><${Logo} /> Learning Hub <span class="sub">Operations</span></div>
      ${notice && html`<div class="banner info">${notice}</div>`}
      <label class="field">Admin token
        <input ref=${input} id="admin-token" name="admin-token" type="password" autocomplete="off" spellcheck="false" autofocus required placeholder="HUB_ADMIN_TOKEN" />
      </label>
      <${ErrorText} error=${error} />
      <button class="primary" type="submit" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      <p>The token is exchanged for a session cookie that ends after 12 hours, after an hour unused, or when you sign out. It is not kept in this browser.</p>
    </form>
  </div>`;
}
