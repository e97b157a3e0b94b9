import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { XapiClientEntity } from './xapi-client.entity.js';

@Injectable()
export class XapiClientRepository {
  constructor(@InjectRepository(XapiClientEntity) private readonly clients: Repository<XapiClientEntity>) {}

  async insert(client: Pick<XapiClientEntity, 'clientId' | 'name' | 'programId' | 'igsClientId' | 'secretHash'>): Promise<XapiClientEntity> {
    await this.clients.insert(client);
    return (await this.clients.findOneBy({ clientId: client.clientId }))!;
  }

  findAll(): Promise<XapiClientEntity[]> {
    return this.clients.find({ order: { createdUtc: 'ASC' } });
  }

  findById(clientId: string): Promise<XapiClientEntity | null> {
    return this.clients.findOneBy({ clientId });
  }

  findActive(clientId: string): Promise<XapiClientEntity | null> {
    return this.clients.findOneBy({ clientId, revokedUtc: IsNull() });
  }

  /** Replaces the secret of an active client; false when the client is unknown or revoked. */
  async replaceSecret(clientId: string, secretHash: string): Promise<boolean> {
    const result = await this.clients.update({ clientId, revokedUtc: IsNull() }, { secretHash, secretRotatedUtc: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async revoke(clientId: string): Promise<boolean> {
    const result = await this.clients.update({ clientId, revokedUtc: IsNull() }, { revokedUtc: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
