import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth, CurrentApiKey, type ApiKeyPrincipal } from '@hub/access';
import { appConfig, type AppConfig } from '@hub/config';
import { LearnerRecordDto } from './dto/learner-record.dto.js';
import { ListLearnerRecordsQuery } from './dto/list-learner-records.query.js';
import { LearnerRecordsService } from './learner-records.service.js';
import { recordsNextLink } from './record-cursor.js';

const PAGING = [
  'Records are listed in a fixed order (when the hub first created each record) that an update never changes; the',
  'opaque cursor in `Link: <…>; rel="next"` continues after the last record returned, and every page carries one,',
  'the last and empty ones too. A walk from the first page to a page shorter than `limit` returns every record that',
  'existed throughout the walk exactly once, each as it was when its page was read; records created during the walk',
  'usually appear at its end. Records change in place, so a page',
  'already read can be out of date: to follow changes, read the event feed (GET /api/v1/events), or list again.',
].join(' ');

@ApiTags('learner-records')
@Controller('api/v1/learner-records')
export class LearnerRecordsController {
  constructor(
    private readonly service: LearnerRecordsService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiKeyAuth('events:read')
  @ApiOperation({ summary: 'Where each learner stands in each learning object', description: `One record per (PublisherSystemId, PublisherProgramId, PublisherParticipantId, LearningObjectId), kept up to date from every source's events; scoped to the API key's programs. ${PAGING}` })
  @ApiOkResponse({ type: LearnerRecordDto, isArray: true, description: 'Records in creation order', headers: { Link: { description: '<…/api/v1/learner-records?…&after=cursor>; rel="next"', schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: 'problem+json naming the bad filter' })
  async list(@Query() query: ListLearnerRecordsQuery, @CurrentApiKey() caller: ApiKeyPrincipal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LearnerRecordDto[]> {
    const page = await this.service.findPage(query, caller);
    const baseUrl = this.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
    reply.header('Link', recordsNextLink(baseUrl, { ...query, limit: page.limit }, page.next));
    return page.records;
  }
}
