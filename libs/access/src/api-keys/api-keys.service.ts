import { hash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { ProgramsService } from '../programs/programs.service.js';
import type { ApiKeyPrincipal } from './api-key-principal.js';
import type { ApiKeyEntity, ApiKeyScope } from './api-key.entity.js';
import { ApiKeyRepository } from './api-key.repository.js';

const KEY_PREFIX = 'lhk_';
/** Verified keys are remembered briefly so a busy publisher does not cost a query per request. */
const CACHE_TTL_MS = 5_000;

/** One-shot hash(): it runs on every request, and a Hash object per call cost more than the digest. */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

export interface CreatedApiKey {
  id: string;
  key: string;
  entity: ApiKeyEntity;
}

@Injectable()
export class ApiKeysService {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal; expires: number }>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly programs: ProgramsService,
  ) {}

  async create(name: string, programIds: string[], scopes: ApiKeyScope[]): Promise<CreatedApiKey> {
    const missing = await this.programs.missingOf(programIds);
    if (missing.length > 0) throw new BadRequestException(`Unknown program(s): ${missing.join(', ')}`);
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const entity = {
      id: randomUUID(),
      name,
      keyHash: hashApiKey(key),
      keyPrefix: key.slice(0, 12),
      programIds: [...new Set(programIds)],
      scopes: [...new Set(scopes)],
    };
    await this.keys.insert(entity);
    return { id: entity.id, key, entity: { ...entity, createdUtc: new Date(), revokedUtc: null, lastUsedUtc: null } };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.findAll();
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.keys.exists(id))) throw new NotFoundException(`API key ${id} not found`);
    await this.keys.revoke(id);
    this.cache.clear();
  }

  /** Returns the caller for a presented key, or null. The lookup is by hash; the final comparison is constant-time. */
  async verify(presented: string): Promise<ApiKeyPrincipal | null> {
    if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
    const hash = hashApiKey(presented);
    const cached = this.cache.get(hash);
    if (cached && cached.expires > Date.now()) return cached.principal;
    const entity = await this.keys.findActiveByHash(hash);
    if (!entity || !timingSafeEqual(Buffer.from(entity.keyHash), Buffer.from(hash))) return null;
    const principal: ApiKeyPrincipal = { kind: 'api-key', keyId: entity.id, programIds: entity.programIds, scopes: entity.scopes };
    this.cache.set(hash, { principal, expires: Date.now() + CACHE_TTL_MS });
    return principal;
  }
}
