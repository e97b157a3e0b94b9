import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ProgramsService } from '@hub/access';
import { ValidationFailedException } from '@hub/observability';
import type { AlmWebhookDto, CreateAlmWebhookDto, UpdateAlmWebhookDto } from './alm-webhook.dto.js';
import type { AlmWebhookEntity } from './alm-webhook.entity.js';
import { AlmWebhookCache } from './alm-webhook-cache.js';
import { AlmWebhookRepository } from './alm-webhook.repository.js';
import { authSettingsFrom, authView } from './webhook-auth-settings.js';
import { WEBHOOK_SECRET_KEY } from './webhook-secret-key.js';

export const almWebhookPath = (id: string): string => `/webhooks/alm/${id}`;

/** The admin side of ALM webhooks: create, list, read, update (rotate, lock, enable, move), delete. */
@Injectable()
export class AlmWebhooksService {
  constructor(
    private readonly webhooks: AlmWebhookRepository,
    private readonly cache: AlmWebhookCache,
    private readonly programs: ProgramsService,
    @Inject(WEBHOOK_SECRET_KEY) private readonly secretKey: Buffer,
  ) {}

  async create(dto: CreateAlmWebhookDto, baseUrl: string): Promise<AlmWebhookDto> {
    await this.assertProgramExists(dto.programId);
    const id = randomUUID();
    const auth = await authSettingsFrom(dto.auth, null, id, this.secretKey);
    if (!auth.ok) throw new ValidationFailedException(auth.errors);
    const now = new Date();
    const webhook: AlmWebhookEntity = { id, name: dto.name, programId: dto.programId, enabled: dto.enabled ?? true, ...auth.fields, createdUtc: now, updatedUtc: now };
    await this.webhooks.insert(webhook);
    this.cache.invalidate(id);
    return toView(webhook, baseUrl);
  }

  async list(baseUrl: string, programId?: string): Promise<AlmWebhookDto[]> {
    return (await this.webhooks.findAll(programId)).map((w) => toView(w, baseUrl));
  }

  async get(id: string, baseUrl: string): Promise<AlmWebhookDto> {
    return toView(await this.find(id), baseUrl);
  }

  async update(id: string, dto: UpdateAlmWebhookDto, baseUrl: string): Promise<AlmWebhookDto> {
    const webhook = await this.find(id);
    if (dto.programId !== undefined && dto.programId !== webhook.programId) await this.assertProgramExists(dto.programId);
    if (dto.auth) {
      const auth = await authSettingsFrom(dto.auth, webhook, id, this.secretKey);
      if (!auth.ok) throw new ValidationFailedException(auth.errors);
      Object.assign(webhook, auth.fields);
    }
    if (dto.name !== undefined) webhook.name = dto.name;
    if (dto.programId !== undefined) webhook.programId = dto.programId;
    if (dto.enabled !== undefined) webhook.enabled = dto.enabled;
    await this.webhooks.save(webhook);
    this.cache.invalidate(id);
    return toView(webhook, baseUrl);
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.webhooks.delete(id);
    this.cache.invalidate(id);
    if (!deleted) throw new NotFoundException(`ALM webhook ${id} not found`);
  }

  async find(id: string): Promise<AlmWebhookEntity> {
    const webhook = await this.webhooks.findOne(id);
    if (!webhook) throw new NotFoundException(`ALM webhook ${id} not found`);
    return webhook;
  }

  private async assertProgramExists(programId: string): Promise<void> {
    if ((await this.programs.missingOf([programId])).length > 0) {
      throw new ValidationFailedException([{ field: 'programId', message: `Unknown program "${programId}"; create it at POST /admin/programs` }]);
    }
  }
}

function toView(webhook: AlmWebhookEntity, baseUrl: string): AlmWebhookDto {
  const path = almWebhookPath(webhook.id);
  return {
    id: webhook.id,
    name: webhook.name,
    programId: webhook.programId,
    enabled: webhook.enabled,
    path,
    url: `${baseUrl}${path}`,
    auth: authView(webhook),
    createdUtc: webhook.createdUtc,
    updatedUtc: webhook.updatedUtc,
  };
}
