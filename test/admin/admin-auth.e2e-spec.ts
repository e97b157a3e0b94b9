import { api, asAdmin, hub, withDb } from '../support/hub.js';
import { concretePath, fromDashboard, signIn } from './admin-support.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

async function adminOperations(): Promise<{ method: (typeof METHODS)[number]; path: string }[]> {
  const doc = (await api().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .filter(([path]) => path === '/admin' || path.startsWith('/admin/'))
    .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path: concretePath(path) })));
}

describe('admin authentication', () => {
  it('refuses every /admin route of the OpenAPI document without the token or a session', async () => {
    const operations = await adminOperations();
    expect(operations.length).toBeGreaterThan(15);
    const { cookie } = await signIn();
    const revoked = await signIn();
    await api().delete('/admin/session').set(fromDashboard(revoked)).expect(204);
    const refusals: string[] = [];
    for (const { method, path } of operations) {
      const attempts: [string, Record<string, string>][] = [
        ['no credentials', {}],
        ['a wrong token', { Authorization: 'Bearer not-the-admin-token-at-all' }],
        ['a made-up session', { Cookie: 'hub_admin_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
        ['a revoked session', { Cookie: revoked.cookie }],
        // A wrong Authorization header decides alone, even beside a live session cookie.
        ['a wrong token beside a live session', { Authorization: 'Bearer wrong-token-of-some-length', Cookie: cookie }],
      ];
      for (const [what, headers] of attempts) {
        const res = await api()[method](path).set(headers).send(method === 'get' || method === 'delete' ? undefined : {});
        if (res.status !== 401) refusals.push(`${method.toUpperCase()} ${path} with ${what}: ${res.status}`);
      }
    }
    expect(refusals).toEqual([]);
  });

  it('keeps Bull Board behind the same sign-in', async () => {
    const page = await api().get('/admin/queues').set('Accept', 'text/html').expect(303);
    expect(page.headers.location).toBe('/admin');
    await api().get('/admin/queues/api/queues').expect(401);
    const session = await signIn();
    const board = await api().get('/admin/queues').set('Cookie', session.cookie).set('Accept', 'text/html').expect(200);
    expect(board.text).toContain('Hub queues');
    expect(board.text).not.toContain('fonts.googleapis.com');
    expect(board.headers['content-security-policy']).toContain("default-src 'self'");
    const queues = await api().get('/admin/queues/api/queues').set(asAdmin()).expect(200);
    expect(JSON.stringify(queues.body)).toContain('ingest');
    // A change from another site is refused even with the cookie (Bull Board's own requests carry no CSRF token).
    await api().put('/admin/queues/api/queues/pause').set('Cookie', session.cookie).set('Origin', 'https://evil.example').expect(403);
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie stored only as a hash', async () => {
    const session = await signIn();
    expect(session.setCookie).toMatch(/^hub_admin_session=[\w-]{40,}; /);
    expect(session.setCookie).toMatch(/; HttpOnly/);
    expect(session.setCookie).toMatch(/; SameSite=Strict/);
    expect(session.setCookie).toMatch(/; Path=\/admin/);
    expect(session.setCookie).toMatch(/; Expires=/);
    expect(session.setCookie).not.toMatch(/; Secure/);
    const token = session.cookie.split('=')[1];
    const stored = await withDb(async (db) => (await db.query('SELECT token_hash FROM admin_sessions')).rows.map((r) => r.token_hash as string));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).not.toContain(token);
    await api().get('/admin/overview').set('Cookie', session.cookie).expect(200);
    const me = await api().get('/admin/session').set('Cookie', session.cookie).expect(200);
    expect(me.body).toMatchObject({ via: 'session', csrfToken: session.csrfToken });
  });

  it('marks the cookie Secure when the hub is reached over https', async () => {
    const res = await api().post('/admin/session').set(asAdmin()).set('X-Forwarded-Proto', 'https').expect(201);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('signs in only with the token itself, not with a session', async () => {
    const session = await signIn();
    await api().post('/admin/session').set(fromDashboard(session)).expect(401);
  });

  it('refuses a change made on a session without the CSRF token or from another origin', async () => {
    const session = await signIn();
    const programId = `CSRF${Date.now() % 1e8}`;
    const body = { programId, name: 'csrf' };
    const noToken = await api().post('/admin/programs').set('Cookie', session.cookie).set('Origin', hub().baseUrl).send(body).expect(403);
    expect(noToken.headers['content-type']).toMatch(/problem\+json/);
    await api().post('/admin/programs').set({ ...fromDashboard(session), 'X-CSRF-Token': 'x'.repeat(43) }).send(body).expect(403);
    await api().post('/admin/programs').set({ ...fromDashboard(session), Origin: 'https://evil.example' }).send(body).expect(403);
    await api().post('/admin/programs').set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken }).send(body).expect(403);
    // The Referer stands in for a missing Origin.
    await api().post('/admin/programs').set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken, Referer: `${hub().baseUrl}/admin` }).send(body).expect(201);
    await api().post('/admin/programs').set(fromDashboard(session)).send({ programId: `${programId}B`, name: 'csrf' }).expect(201);
    // Reads need neither; the bearer token needs neither (no ambient credential to forge).
    await api().get('/admin/programs').set('Cookie', session.cookie).expect(200);
    await api().post('/admin/programs').set(asAdmin()).send({ programId: `${programId}C`, name: 'csrf' }).expect(201);
  });

  it('revokes the session at sign-out, for every later request', async () => {
    const session = await signIn();
    await api().get('/admin/overview').set('Cookie', session.cookie).expect(200);
    const out = await api().delete('/admin/session').set(fromDashboard(session)).expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hub_admin_session=;.*Expires=Thu, 01 Jan 1970/);
    await api().get('/admin/overview').set('Cookie', session.cookie).expect(401);
    await api().get('/admin').set('Cookie', session.cookie).expect(401);
  });

  it('serves the page with a strict CSP, and the sign-in form with 401 to a visitor without a session', async () => {
    const anonymous = await api().get('/admin').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/text\/html/);
    const csp = anonymous.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const session = await signIn();
    const page = await api().get('/admin').set('Cookie', session.cookie).expect(200);
    expect(page.text).toContain('/assets/app.js');
    await api().get('/assets/app.js').expect(200).expect('Content-Type', /javascript/);
    await api().get('/assets/../package.json').expect(404);
  });
});
