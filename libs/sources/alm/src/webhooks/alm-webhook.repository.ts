import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AlmWebhookEntity } from './alm-webhook.entity.js';

@Injectable()
export class AlmWebhookRepository {
  constructor(@InjectRepository(AlmWebhookEntity) private readonly webhooks: Repository<AlmWebhookEntity>) {}

  findAll(programId?: string): Promise<AlmWebhookEntity[]> {
    return this.webhooks.find({ where: programId ? { programId } : {}, order: { createdUtc: 'ASC', id: 'ASC' } });
  }

  findOne(id: string): Promise<AlmWebhookEntity | null> {
    return this.webhooks.findOneBy({ id });
  }

  async insert(webhook: AlmWebhookEntity): Promise<void> {
    await this.webhooks.insert(webhook);
  }

  async save(webhook: AlmWebhookEntity): Promise<void> {
    webhook.updatedUtc = new Date();
    await this.webhooks.save(webhook);
  }

  /** True when a row was deleted; its deliveries go with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    const result = await this.webhooks.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
