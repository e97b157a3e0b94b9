import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@hub/access';
import { CreateXapiClientDto, XapiClientCredentialsDto, XapiClientDto } from './xapi-client.dto.js';
import type { XapiClientEntity } from './xapi-client.entity.js';
import { XapiClientsService } from './xapi-clients.service.js';

const toDto = ({ secretHash: _hash, ...client }: XapiClientEntity): XapiClientDto => client;

@ApiTags('admin')
@AdminAuth()
@Controller('admin/xapi/clients')
export class XapiClientsController {
  constructor(private readonly clients: XapiClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an xAPI client for a program; the secret is shown once' })
  @ApiCreatedResponse({ type: XapiClientCredentialsDto })
  async create(@Body() dto: CreateXapiClientDto): Promise<XapiClientCredentialsDto> {
    const { client, clientSecret } = await this.clients.create(dto.name, dto.programId, dto.igsClientId);
    return { clientId: client.clientId, clientSecret };
  }

  @Get()
  @ApiOperation({ summary: 'List xAPI clients (never their secrets)' })
  @ApiOkResponse({ type: XapiClientDto, isArray: true })
  async list(): Promise<XapiClientDto[]> {
    return (await this.clients.list()).map(toDto);
  }

  @Post(':clientId/secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the secret: the old secret and every token issued stop working; the new one is shown once' })
  @ApiOkResponse({ type: XapiClientCredentialsDto })
  @ApiNotFoundResponse({ description: 'No such client' })
  @ApiConflictResponse({ description: 'The client is revoked' })
  async rotate(@Param('clientId') clientId: string): Promise<XapiClientCredentialsDto> {
    const { client, clientSecret } = await this.clients.rotateSecret(clientId);
    return { clientId: client.clientId, clientSecret };
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a client: its secret and tokens stop working at once (other API processes within 5 s)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'No such client' })
  revoke(@Param('clientId') clientId: string): Promise<void> {
    return this.clients.revoke(clientId);
  }
}
