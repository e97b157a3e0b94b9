import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  insert(key: Omit<ApiKeyEntity, 'createdUtc' | 'revokedUtc' | 'lastUsedUtc'>): Promise<unknown> {
    return this.keys.insert(key);
  }

  findAll(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdUtc: 'ASC' } });
  }

  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.createQueryBuilder('k').where('k.key_hash = :keyHash AND k.revoked_utc IS NULL', { keyHash }).getOne();
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.keys.update({ id, revokedUtc: IsNull() }, { revokedUtc: new Date() });
    return (result.affected ?? 0) > 0;
  }

  exists(id: string): Promise<boolean> {
    return this.keys.existsBy({ id });
  }
}
