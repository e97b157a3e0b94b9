import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth, CurrentApiKey, type ApiKeyPrincipal } from '@hub/access';
import { appConfig, type AppConfig } from '@hub/config';
import type { StoredEvent } from '@hub/event-store';
import { EventReceiptDto } from '../dto/event-receipt.dto.js';
import { ListEventsQuery } from '../dto/list-events.query.js';
import { PublishEventDto } from '../dto/publish-event.dto.js';
import { StoredEventDto } from '../dto/stored-event.dto.js';
import { HubEventsService } from './hub-events.service.js';
import { nextLink } from './next-link.js';

export function requestBaseUrl(request: FastifyRequest, publicUrl?: string): string {
  return publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

@ApiTags('events')
@ApiExtraModels(PublishEventDto)
@Controller('api/v1/events')
export class HubEventsController {
  constructor(
    private readonly service: HubEventsService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Publish one event or an array of events', description: 'The whole request is validated before anything is accepted. 202 once the events are durably in the pipeline; the EventId of a redelivered event is the same.' })
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(PublishEventDto) }, { type: 'array', items: { $ref: getSchemaPath(PublishEventDto) }, maxItems: 500 }] },
    examples: {
      single: { value: { PublisherProgramId: 'NURSING', PublisherSystemId: 'LB', PublisherEventId: 'AI:1234', EventType: 'AI_COMP_SUCCESS', PublisherParticipantId: 'joebob@example.com', PublisherEventData: { credits: 2 }, EventStartUtc: '2024-03-01T14:30:00Z', EventEndUtc: '2024-03-01T14:30:00Z' } },
    },
  })
  @ApiAcceptedResponse({ type: EventReceiptDto, isArray: true, description: 'Accepted, in input order' })
  @ApiBadRequestResponse({ description: 'problem+json naming each bad field, by index for arrays' })
  @ApiServiceUnavailableResponse({ description: 'The pipeline is unavailable; retry after Retry-After seconds. Nothing was accepted.' })
  publish(@Body() body: unknown, @CurrentApiKey() caller: ApiKeyPrincipal, @Req() request: RawBodyRequest<FastifyRequest>): Promise<EventReceiptDto[]> {
    return this.service.publish(body, caller, String(request.id), request.rawBody);
  }

  @Get()
  @ApiKeyAuth('events:read')
  @ApiOperation({ summary: 'Read the event feed', description: 'Every page carries Link rel="next" continuing after its last event; a page shorter than limit means caught up: poll later by following the same link.' })
  @ApiOkResponse({ type: StoredEventDto, isArray: true, headers: { Link: { description: '<…?after=cursor>; rel="next"', schema: { type: 'string' } } } })
  async list(@Query() query: ListEventsQuery, @CurrentApiKey() caller: ApiKeyPrincipal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StoredEvent[]> {
    const page = await this.service.findPage(query, caller);
    reply.header('Link', nextLink(requestBaseUrl(request, this.config.publicUrl), '/api/v1/events', { ...query, limit: page.limit }, page.next));
    return page.events;
  }

  @Get(':eventId')
  @ApiKeyAuth('events:read')
  @ApiOperation({ summary: 'Read one event' })
  @ApiOkResponse({ type: StoredEventDto })
  @ApiNotFoundResponse({ description: 'No such event in the key’s programs' })
  @ApiResponse({ status: 400, description: 'problem+json' })
  findOne(@Param('eventId') eventId: string, @CurrentApiKey() caller: ApiKeyPrincipal): Promise<StoredEvent> {
    return this.service.findOne(eventId, caller);
  }
}
