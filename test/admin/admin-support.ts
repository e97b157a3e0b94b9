import { api, asAdmin, hub, rememberSecret } from '../support/hub.js';

export interface AdminSession {
  /** `hub_admin_session=…`, for a Cookie header. */
  cookie: string;
  csrfToken: string;
  /** The Set-Cookie header as the hub sent it. */
  setCookie: string;
}

/** Signs in as the dashboard does: the admin token once, a session cookie back. */
export async function signIn(): Promise<AdminSession> {
  const res = await api().post('/admin/session').set(asAdmin()).expect(201);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
  // The session cookie and its CSRF token are secrets too: the log audit must not find them.
  rememberSecret(setCookie.split(';')[0].split('=')[1]);
  rememberSecret(res.body.csrfToken);
  return { cookie: setCookie.split(';')[0], csrfToken: res.body.csrfToken, setCookie };
}

/** What a browser on the dashboard sends with a state-changing request. */
export function fromDashboard(session: AdminSession): Record<string, string> {
  return { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, Origin: hub().baseUrl };
}

/** Placeholder values for an OpenAPI path's parameters. */
export function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, (name) => (/id\}$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'x'));
}
