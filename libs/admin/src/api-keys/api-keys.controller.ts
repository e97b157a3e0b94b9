import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth, ApiKeysService } from '@hub/access';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto.js';

@ApiTags('admin')
@AdminAuth()
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key scoped to programs and scopes; the key is shown once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const created = await this.keys.create(dto.name, dto.programIds, dto.scopes);
    return { id: created.id, key: created.key };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyDto, isArray: true })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(({ keyHash: _hash, lastUsedUtc: _used, ...rest }) => rest);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'No such key' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
