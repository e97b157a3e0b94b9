import { Inject, Injectable } from '@nestjs/common';
import { xapiConfig, type XapiConfig } from '@hub/config';
import { ACCESS_TOKEN_PREFIX, newAccessToken, secretMatches, sha256Hex } from '../clients/client-secret.js';
import { XapiClientRepository } from '../clients/xapi-client.repository.js';
import { XapiTokenRepository } from '../oauth/xapi-token.repository.js';
import { FailedAttemptsLimiter } from './failed-attempts.limiter.js';
import type { XapiPrincipal } from './xapi-principal.js';

/**
 * Verified credentials are remembered briefly so a busy partner does not cost a query per Statement. Revoking or
 * rotating clears this process's memory at once; other API processes forget within this time.
 */
export const CREDENTIALS_CACHE_MS = 5_000;

export type ClientAuthentication =
  | { ok: true; principal: XapiPrincipal }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

interface Cached {
  principal: XapiPrincipal;
  until: number;
}

/** Client id + secret (token endpoint, HTTP Basic) and access tokens (Bearer): who is calling. */
@Injectable()
export class XapiCredentialsService {
  private readonly tokenCache = new Map<string, Cached>();
  private readonly secretCache = new Map<string, Cached>();
  private readonly limiter: FailedAttemptsLimiter;

  constructor(
    private readonly clients: XapiClientRepository,
    private readonly tokens: XapiTokenRepository,
    @Inject(xapiConfig.KEY) private readonly config: XapiConfig,
  ) {
    this.limiter = new FailedAttemptsLimiter({
      maxPerClient: config.authMaxFailures,
      maxPerAddress: config.authMaxFailuresPerAddress,
      windowMs: config.authFailureWindowSeconds * 1000,
    });
  }

  /** Client authentication with id and secret, rate-limited per (client id, address) and per address. */
  async authenticateClient(clientId: string, secret: string, address: string): Promise<ClientAuthentication> {
    const retryAfterSeconds = this.limiter.retryAfterSeconds(clientId, address);
    if (retryAfterSeconds !== undefined) return { ok: false, reason: 'rate-limited', retryAfterSeconds };
    const principal = await this.verifySecret(clientId, secret);
    if (!principal) {
      this.limiter.recordFailure(clientId, address);
      return { ok: false, reason: 'invalid' };
    }
    this.limiter.recordSuccess(clientId, address);
    return { ok: true, principal };
  }

  async verifyToken(token: string): Promise<XapiPrincipal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > 100) return null;
    const hash = sha256Hex(token);
    const cached = this.fromCache(this.tokenCache, hash);
    if (cached) return cached;
    const row = await this.tokens.findLive(hash);
    if (!row) return null;
    const principal: XapiPrincipal = { kind: 'xapi-client', clientId: row.clientId, name: row.name, programId: row.programId, igsClientId: row.igsClientId };
    remember(this.tokenCache, hash, { principal, until: Math.min(row.expiresUtc.getTime(), Date.now() + CREDENTIALS_CACHE_MS) });
    return principal;
  }

  /** Issues a random, opaque access token; only its hash and expiry are stored. */
  async issueToken(principal: XapiPrincipal): Promise<{ accessToken: string; expiresIn: number }> {
    const accessToken = newAccessToken();
    const expiresIn = this.config.tokenTtlSeconds;
    await this.tokens.insert(sha256Hex(accessToken), principal.clientId, new Date(Date.now() + expiresIn * 1000));
    await this.tokens.deleteExpired(principal.clientId);
    return { accessToken, expiresIn };
  }

  /** A client was revoked or got a new secret: forget what this process remembered. */
  invalidate(): void {
    this.tokenCache.clear();
    this.secretCache.clear();
  }

  private async verifySecret(clientId: string, secret: string): Promise<XapiPrincipal | null> {
    if (clientId.length > 64 || secret.length > 200) return null;
    const key = `${clientId}\n${sha256Hex(secret)}`;
    const cached = this.fromCache(this.secretCache, key);
    if (cached) return cached;
    const client = await this.clients.findActive(clientId);
    if (!client || !secretMatches(secret, client.secretHash)) return null;
    const principal: XapiPrincipal = { kind: 'xapi-client', clientId: client.clientId, name: client.name, programId: client.programId, igsClientId: client.igsClientId };
    remember(this.secretCache, key, { principal, until: Date.now() + CREDENTIALS_CACHE_MS });
    return principal;
  }

  private fromCache(cache: Map<string, Cached>, key: string): XapiPrincipal | undefined {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.principal;
    cache.delete(key);
    return undefined;
  }
}

const MAX_CACHED = 10_000;

function remember(cache: Map<string, Cached>, key: string, entry: Cached): void {
  if (cache.size >= MAX_CACHED) {
    const now = Date.now();
    for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
    if (cache.size >= MAX_CACHED) cache.clear();
  }
  cache.set(key, entry);
}
