import { ForbiddenException } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { AdminAuthenticator, type AdminRequest } from './admin-authenticator.js';
import { csrfTokenFor, type AdminSessionsService } from './admin-sessions.service.js';

const TOKEN = 'the-admin-token-of-this-hub';
const COOKIE = 'a'.repeat(43);
const session = { id: 's1', expiresUtc: new Date(Date.now() + 3_600_000), csrfToken: csrfTokenFor(COOKIE) };
const sessions = { verify: async (token: string) => (token === COOKIE ? session : null) } as unknown as AdminSessionsService;
const authenticator = new AdminAuthenticator({ adminToken: TOKEN, publicUrl: 'https://hub.example.com/' } as AppConfig, sessions);

function request(method: string, headers: Record<string, string>): AdminRequest {
  return { method, headers, protocol: 'http', host: '127.0.0.1:3000' };
}

describe('AdminAuthenticator', () => {
  it('accepts the admin token as a bearer token', async () => {
    expect(await authenticator.authenticate(request('GET', { authorization: `Bearer ${TOKEN}` }))).toEqual({ kind: 'token' });
    expect(await authenticator.authenticate(request('GET', { authorization: 'Bearer wrong' }))).toBeNull();
  });

  it('accepts a live session cookie, and only when no Authorization header says otherwise', async () => {
    expect(await authenticator.authenticate(request('GET', { cookie: `other=1; hub_admin_session=${COOKIE}` }))).toMatchObject({ kind: 'session' });
    expect(await authenticator.authenticate(request('GET', { cookie: 'hub_admin_session=unknown' }))).toBeNull();
    expect(await authenticator.authenticate(request('GET', { cookie: `hub_admin_session=${COOKIE}`, authorization: 'Bearer wrong' }))).toBeNull();
  });

  it('lets a session change things only from its own origin and with its CSRF token', async () => {
    const principal = (await authenticator.authenticate(request('POST', { cookie: `hub_admin_session=${COOKIE}` })))!;
    const change = (headers: Record<string, string>) => () => authenticator.assertSameOriginChange(request('POST', headers), principal);
    expect(change({ origin: 'http://127.0.0.1:3000', 'x-csrf-token': session.csrfToken })).not.toThrow();
    expect(change({ origin: 'https://hub.example.com', 'x-csrf-token': session.csrfToken })).not.toThrow();
    expect(change({ referer: 'http://127.0.0.1:3000/admin', 'x-csrf-token': session.csrfToken })).not.toThrow();
    expect(change({ origin: 'http://127.0.0.1:3000' })).toThrow(ForbiddenException);
    expect(change({ origin: 'http://127.0.0.1:3000', 'x-csrf-token': csrfTokenFor('b'.repeat(43)) })).toThrow(ForbiddenException);
    expect(change({ origin: 'https://evil.example', 'x-csrf-token': session.csrfToken })).toThrow(ForbiddenException);
    expect(change({ 'x-csrf-token': session.csrfToken })).toThrow(ForbiddenException);
    // Reads and the bearer token need neither.
    expect(() => authenticator.assertSameOriginChange(request('GET', {}), principal)).not.toThrow();
    expect(() => authenticator.assertSameOriginChange(request('DELETE', {}), { kind: 'token' })).not.toThrow();
  });
});
