import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@hub/access';
import { decodeCursor, encodeCursor, EventSearchRepository, type StoredEvent } from '@hub/event-store';
import { ValidationFailedException } from '@hub/observability';
import { SearchEventsQuery } from './search-events.query.js';
import { AdminStoredEventDto } from './stored-event.dto.js';

export class EventSearchPageDto {
  @ApiProperty({ type: AdminStoredEventDto, isArray: true, description: 'Newest stored first' }) events: StoredEvent[];
  @ApiProperty({ nullable: true, example: 'MTIzNC41Ng', description: 'Pass as `before` for the next (older) page; null on the last page' }) next: string | null;
}

@ApiTags('admin')
@AdminAuth()
@Controller('admin/events')
export class AdminEventsController {
  constructor(private readonly search: EventSearchRepository) {}

  @Get()
  @ApiOperation({ summary: 'Search stored events of every program by program, system, type, participant and time' })
  @ApiOkResponse({ type: EventSearchPageDto })
  async find(@Query() query: SearchEventsQuery): Promise<EventSearchPageDto> {
    const before = query.before ? decodeCursor(query.before) : undefined;
    if (before === null) throw new ValidationFailedException([{ field: 'before', message: 'before is not a position this hub issued' }]);
    const page = await this.search.search({
      programId: query.programId,
      systemId: query.systemId,
      eventType: query.eventType,
      participantId: query.participantId,
      publisherEventId: query.publisherEventId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before,
      limit: query.limit ?? 50,
    });
    return { events: page.events, next: page.before ? encodeCursor(page.before) : null };
  }

  @Get(':eventId')
  @ApiOperation({ summary: 'Read one stored event of any program' })
  @ApiOkResponse({ type: AdminStoredEventDto })
  @ApiNotFoundResponse({ description: 'No such event' })
  async findOne(@Param('eventId') eventId: string): Promise<StoredEvent> {
    const event = eventId.length <= 64 ? await this.search.findById(eventId) : null;
    if (!event) throw new NotFoundException(`Event ${eventId} not found`);
    return event;
  }
}
