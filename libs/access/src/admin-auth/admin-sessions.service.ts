import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AdminSessionRepository } from './admin-session.repository.js';

/** A working day: operators sign in in the morning; the session ends however busy it is. */
export const ADMIN_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** A dashboard left closed for this long needs the token again (an open one polls, and so stays alive). */
export const ADMIN_SESSION_IDLE_MS = 60 * 60 * 1000;
/** How stale last_seen may get before a request writes it again: one write a minute, not one per poll. */
const TOUCH_AFTER_MS = 60 * 1000;

export interface LiveAdminSession {
  id: string;
  expiresUtc: Date;
  /** Sent back by the page in X-CSRF-Token on every state-changing request. */
  csrfToken: string;
}

export interface OpenedAdminSession extends LiveAdminSession {
  /** The cookie value: shown to the browser once, kept here only as a hash. */
  token: string;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * The CSRF token is derived from the session secret (HMAC), so it needs no storage, differs per session and cannot
 * be computed by anyone who cannot read the HttpOnly cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('learning-hub admin csrf').digest('base64url');
}

@Injectable()
export class AdminSessionsService {
  constructor(private readonly sessions: AdminSessionRepository) {}

  async open(userAgent: string | undefined): Promise<OpenedAdminSession> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const session = {
      id: randomUUID(),
      tokenHash: sha256(token),
      lastSeenUtc: new Date(now),
      expiresUtc: new Date(now + ADMIN_SESSION_MAX_AGE_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    };
    await this.sessions.insert(session);
    await this.sessions.deleteEndedBefore(new Date(now - 24 * 60 * 60 * 1000));
    return { id: session.id, token, expiresUtc: session.expiresUtc, csrfToken: csrfTokenFor(token) };
  }

  /** The live session of a cookie value, or null. Lookup is by hash: the cookie itself is never stored. */
  async verify(token: string): Promise<LiveAdminSession | null> {
    if (token.length < 20 || token.length > 100) return null;
    const session = await this.sessions.findLive(sha256(token), ADMIN_SESSION_IDLE_MS);
    if (!session) return null;
    if (Date.now() - session.lastSeenUtc.getTime() > TOUCH_AFTER_MS) await this.sessions.touch(session.id);
    return { id: session.id, expiresUtc: session.expiresUtc, csrfToken: csrfTokenFor(token) };
  }

  async revoke(token: string): Promise<void> {
    await this.sessions.revokeByHash(sha256(token));
  }
}
