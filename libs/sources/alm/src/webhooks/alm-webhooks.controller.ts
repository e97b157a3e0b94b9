import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AdminAuth } from '@hub/access';
import { appConfig, type AppConfig } from '@hub/config';
import { AlmWebhookDeliveryDto, toDeliveryDto } from '../deliveries/alm-webhook-delivery.dto.js';
import { AlmWebhookDeliveryRepository } from '../deliveries/alm-webhook-delivery.repository.js';
import { AlmWebhookDto, CreateAlmWebhookDto, ListAlmWebhooksQuery, UpdateAlmWebhookDto } from './alm-webhook.dto.js';
import { AlmWebhooksService } from './alm-webhooks.service.js';

const CREATE_EXAMPLES = {
  signature: { summary: 'HMAC-SHA256 over the raw body, hex, in x-alm-signature (the defaults)', value: { name: 'ALM production', programId: 'NURSING', auth: { type: 'signature', secret: 'secret-from-alm-signature.json' } } },
  signatureBase64: { summary: 'HMAC-SHA512, base64, in another header', value: { name: 'ALM staging', programId: 'NURSING', auth: { type: 'signature', secret: 's3cr3t', header: 'x-signature', algorithm: 'sha512', encoding: 'base64' } } },
  token: { summary: 'Static token: the header carries the secret itself', value: { name: 'ALM token', programId: 'NURSING', auth: { type: 'signature', mode: 'token', secret: 'a-long-random-token', header: 'x-alm-token' } } },
  basic: { summary: 'HTTP Basic', value: { name: 'ALM basic', programId: 'NURSING', auth: { type: 'basic', username: 'alm', password: 'correct horse battery staple' } } },
  none: { summary: 'No authentication (the id in the URL is the only secret)', value: { name: 'ALM test', programId: 'NURSING', auth: { type: 'none' } } },
};

const UPDATE_EXAMPLES = {
  rotateSecret: { summary: 'Rotate the signing secret', value: { auth: { type: 'signature', secret: 'the-new-secret' } } },
  lockScheme: { summary: 'Lock the scheme a delivery verified with (see the deliveries’ verifiesWith); the secret is kept', value: { auth: { type: 'signature', header: 'x-signature', algorithm: 'sha256', encoding: 'base64' } } },
  disable: { summary: 'Disable: deliveries answer 404', value: { enabled: false } },
  moveProgram: { summary: 'Send future events to another program', value: { programId: 'PHARMACY' } },
  rotatePassword: { summary: 'Rotate the Basic password', value: { auth: { type: 'basic', password: 'a new password' } } },
};

function baseUrlOf(request: FastifyRequest, publicUrl?: string): string {
  return publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

@ApiTags('admin')
@AdminAuth()
@Controller('admin/alm/webhooks')
export class AlmWebhooksController {
  constructor(
    private readonly webhooks: AlmWebhooksService,
    private readonly deliveries: AlmWebhookDeliveryRepository,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register an ALM webhook',
    description: 'Returns the path (and URL) to enter in ALM as the webhook target. The password or secret is never returned, here or later.',
  })
  @ApiBody({ type: CreateAlmWebhookDto, examples: CREATE_EXAMPLES })
  @ApiCreatedResponse({ type: AlmWebhookDto })
  create(@Body() dto: CreateAlmWebhookDto, @Req() request: FastifyRequest): Promise<AlmWebhookDto> {
    return this.webhooks.create(dto, baseUrlOf(request, this.config.publicUrl));
  }

  @Get()
  @ApiOperation({ summary: 'List ALM webhooks' })
  @ApiOkResponse({ type: AlmWebhookDto, isArray: true })
  list(@Query() query: ListAlmWebhooksQuery, @Req() request: FastifyRequest): Promise<AlmWebhookDto[]> {
    return this.webhooks.list(baseUrlOf(request, this.config.publicUrl), query.programId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one ALM webhook' })
  @ApiOkResponse({ type: AlmWebhookDto })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest): Promise<AlmWebhookDto> {
    return this.webhooks.get(id, baseUrlOf(request, this.config.publicUrl));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update an ALM webhook',
    description: 'Rename, enable or disable, move to another program, rotate the secret or password, or change the signature settings. ' +
      '`auth` of the current type changes only the fields given; `auth` of another type replaces the method.',
  })
  @ApiBody({ type: UpdateAlmWebhookDto, examples: UPDATE_EXAMPLES })
  @ApiOkResponse({ type: AlmWebhookDto })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateAlmWebhookDto, @Req() request: FastifyRequest): Promise<AlmWebhookDto> {
    return this.webhooks.update(id, dto, baseUrlOf(request, this.config.publicUrl));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an ALM webhook (its deliveries log goes with it; stored events stay)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  delete(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.webhooks.delete(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'The last 20 deliveries of a webhook',
    description: 'Every header name with only the shape of its value (e.g. `sha256=hex(64)`), the size, time and outcome. ' +
      'ALM does not publish its signature scheme: this shows what it sends, and for a refused delivery of a signature webhook ' +
      '`verifiesWith` names the header, algorithm and encoding under which it verifies with the stored secret.',
  })
  @ApiOkResponse({ type: AlmWebhookDeliveryDto, isArray: true })
  @ApiNotFoundResponse({ description: 'No such webhook' })
  async deliveriesOf(@Param('id', new ParseUUIDPipe()) id: string): Promise<AlmWebhookDeliveryDto[]> {
    await this.webhooks.find(id);
    return (await this.deliveries.findLatest(id)).map(toDeliveryDto);
  }
}
