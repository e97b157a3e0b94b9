import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfig } from '@hub/config';
import { AdminSessionsService, type LiveAdminSession } from './admin-sessions.service.js';

/** The dashboard's session cookie (HttpOnly, SameSite=Strict, Path=/admin, Secure over https). */
export const ADMIN_SESSION_COOKIE = 'hub_admin_session';
/** The header the dashboard sends its CSRF token in on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who passed the admin check: the bearer token itself (scripts, curl) or a dashboard session. */
export type AdminPrincipal = { kind: 'token' } | { kind: 'session'; session: LiveAdminSession; token: string };

/** The parts of a Fastify request the check reads (Bull Board's raw routes pass theirs too). */
export interface AdminRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  protocol: string;
  host: string;
  admin?: AdminPrincipal;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function header(request: AdminRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookieOf(request: AdminRequest, name: string): string | undefined {
  if (request.cookies) return request.cookies[name];
  for (const part of (header(request, 'cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * One admin check for every /admin route (the Nest guard) and for Bull Board (a raw Fastify hook): a presented
 * `Authorization` header decides alone (the token, compared in constant time); without one, the session cookie.
 */
@Injectable()
export class AdminAuthenticator {
  private readonly expected: Buffer;
  private readonly publicOrigin: string | undefined;

  constructor(
    @Inject(appConfig.KEY) config: AppConfig,
    private readonly sessions: AdminSessionsService,
  ) {
    this.expected = digest(config.adminToken);
    this.publicOrigin = originOf(config.publicUrl);
  }

  async authenticate(request: AdminRequest): Promise<AdminPrincipal | null> {
    const authorization = header(request, 'authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(.+)$/i.exec(authorization);
      return match && timingSafeEqual(digest(match[1].trim()), this.expected) ? { kind: 'token' } : null;
    }
    const token = cookieOf(request, ADMIN_SESSION_COOKIE);
    if (!token) return null;
    const session = await this.sessions.verify(token);
    return session ? { kind: 'session', session, token } : null;
  }

  /**
   * A state change riding on the cookie must come from the hub's own page: the Origin (or, lacking it, the Referer)
   * is this hub's, and the CSRF token matches the session's. SameSite=Strict already keeps the cookie off
   * cross-site requests; these two hold even where it does not (old browsers, a sibling subdomain).
   */
  assertSameOriginChange(request: AdminRequest, principal: AdminPrincipal, requireCsrfToken = true): void {
    if (principal.kind !== 'session' || SAFE_METHODS.has(request.method.toUpperCase())) return;
    const origin = header(request, 'origin') ?? originOf(header(request, 'referer'));
    if (!origin || !this.isOwnOrigin(request, origin)) {
      throw new ForbiddenException('A dashboard session may change things only from the hub’s own page (Origin check failed)');
    }
    if (!requireCsrfToken) return;
    const presented = header(request, CSRF_HEADER) ?? '';
    const expected = principal.session.csrfToken;
    if (presented.length !== expected.length || !timingSafeEqual(Buffer.from(presented), Buffer.from(expected))) {
      throw new ForbiddenException(`A dashboard session must send its CSRF token in ${CSRF_HEADER}`);
    }
  }

  private isOwnOrigin(request: AdminRequest, origin: string): boolean {
    return origin === `${request.protocol}://${request.host}` || origin === this.publicOrigin;
  }
}
