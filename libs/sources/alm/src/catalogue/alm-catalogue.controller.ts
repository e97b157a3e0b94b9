import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth, CurrentApiKey, type ApiKeyPrincipal } from '@hub/access';
import { appConfig, type AppConfig } from '@hub/config';
import { AlmLearningObjectDto, GetAlmLearningObjectQuery, ListAlmLearningObjectsQuery } from './alm-catalogue.dto.js';
import { AlmCatalogueService } from './alm-catalogue.service.js';

const PATH = '/api/v1/alm/learning-objects';

@ApiTags('alm')
@Controller('api/v1/alm/learning-objects')
export class AlmCatalogueController {
  constructor(
    private readonly catalogue: AlmCatalogueService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiKeyAuth('events:read')
  @ApiOperation({
    summary: 'ALM learning objects known from webhooks, with their instances and seat figures',
    description: 'Built from LEARNING_OBJECT_*, LEARNING_OBJECT_INSTANCE_* and CI_STATS events, newest ALM time winning. ' +
      'Ids only: ALM’s public API (GET /learningObjects) has names and the authority on retired objects. A full page carries Link rel="next".',
  })
  @ApiOkResponse({ type: AlmLearningObjectDto, isArray: true, headers: { Link: { description: '<…?after=cursor>; rel="next", when the page is full', schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: 'problem+json naming the bad parameter' })
  async list(
    @Query() query: ListAlmLearningObjectsQuery,
    @CurrentApiKey() caller: ApiKeyPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AlmLearningObjectDto[]> {
    const page = await this.catalogue.list(query, caller);
    if (page.next) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...query, limit: page.limit, after: page.next })) if (value !== undefined) params.set(key, String(value));
      const base = this.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
      reply.header('Link', `<${base}${PATH}?${params.toString()}>; rel="next"`);
    }
    return page.items;
  }

  @Get(':loId')
  @ApiKeyAuth('events:read')
  @ApiOperation({ summary: 'One ALM learning object with its instances and seat figures' })
  @ApiParam({ name: 'loId', example: 'course:12345678', description: 'learning_program:… is read as learningProgram:…' })
  @ApiOkResponse({ type: AlmLearningObjectDto })
  @ApiNotFoundResponse({ description: 'Not in the key’s programs' })
  @ApiBadRequestResponse({ description: 'In several of the key’s programs: name one with programId' })
  get(@Param('loId') loId: string, @Query() query: GetAlmLearningObjectQuery, @CurrentApiKey() caller: ApiKeyPrincipal): Promise<AlmLearningObjectDto> {
    return this.catalogue.get(loId, query, caller);
  }
}
