import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ingestConfig, type IngestConfig } from '@hub/config';
import { canAccessProgram, type ApiKeyPrincipal } from '@hub/access';
import { decodeCursor, EventRepository, FEED_START, type EventPage, type StoredEvent } from '@hub/event-store';
import { ValidationFailedException } from '@hub/observability';
import { AcceptService } from '@hub/pipeline';
import type { EventReceiptDto } from '../dto/event-receipt.dto.js';
import type { ListEventsQuery } from '../dto/list-events.query.js';
import { eventsArrayText } from './events-array-text.js';
import { lbEventId } from './lb-event.mapper.js';
import { toUtcIso } from './utc-date-time.js';
import { validateLbEvents } from './validate-lb-events.js';

export const DEFAULT_PAGE_SIZE = 100;

@Injectable()
export class HubEventsService {
  constructor(
    private readonly acceptor: AcceptService,
    private readonly events: EventRepository,
    @Inject(ingestConfig.KEY) private readonly config: IngestConfig,
  ) {}

  /**
   * Validates the whole request, checks program access, then hands it to the pipeline, one payload per program.
   * `rawBody` (the bytes `body` was parsed from) is handed on as it is when the request holds a single program.
   */
  async publish(body: unknown, caller: ApiKeyPrincipal, correlationId?: string, rawBody?: Buffer): Promise<EventReceiptDto[]> {
    const result = validateLbEvents(body, this.config.maxEventsPerRequest);
    if (!result.ok) throw new ValidationFailedException(result.errors);
    const denied = [...new Set(result.events.map((e) => e.PublisherProgramId))].filter((p) => !canAccessProgram(caller, p));
    if (denied.length > 0) throw new ForbiddenException(`This API key has no access to program(s): ${denied.join(', ')}`);

    const receipts = result.events.map((e) => ({ EventId: lbEventId(e), PublisherEventId: e.PublisherEventId }));
    // One payload per program, so a dead letter or a replay always belongs to exactly one program.
    const items: unknown[] = Array.isArray(body) ? body : [body];
    const byProgram = new Map<string, unknown[]>();
    for (let i = 0; i < items.length; i++) {
      const programId = result.events[i].PublisherProgramId;
      const list = byProgram.get(programId);
      if (list) list.push(items[i]);
      else byProgram.set(programId, [items[i]]);
    }
    const receivedUtc = new Date().toISOString();
    const textOf = (items: unknown[]) => (rawBody && byProgram.size === 1 ? eventsArrayText(rawBody, Array.isArray(body)) : JSON.stringify(items));
    await Promise.all(
      [...byProgram].map(([programId, items]) =>
        this.acceptor.accept({ source: 'LB', programId, body: textOf(items), contentType: 'application/json', receivedUtc, correlationId }, items.length),
      ),
    );
    return receipts;
  }

  async findPage(query: ListEventsQuery, caller: ApiKeyPrincipal): Promise<EventPage & { limit: number }> {
    if (query.PublisherProgramId && !canAccessProgram(caller, query.PublisherProgramId)) {
      throw new ForbiddenException(`This API key has no access to program ${query.PublisherProgramId}`);
    }
    const after = query.after ? decodeCursor(query.after) : FEED_START;
    if (!after) throw new ValidationFailedException([{ field: 'after', message: 'after is not a cursor issued by this hub' }]);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const page = await this.events.findPage({
      programIds: query.PublisherProgramId ? [query.PublisherProgramId] : caller.programIds,
      systemId: query.PublisherSystemId,
      eventType: query.EventType,
      participantId: query.PublisherParticipantId,
      publisherEventId: query.PublisherEventId,
      categoryValue: query.PublisherEventCategory,
      from: this.readTime(query.from, 'from'),
      to: this.readTime(query.to, 'to'),
      after,
      limit,
    });
    return { ...page, limit };
  }

  private readTime(value: string | undefined, field: string): Date | undefined {
    if (value === undefined) return undefined;
    const iso = toUtcIso(value);
    if (!iso) throw new ValidationFailedException([{ field, message: `${field} must be an ISO 8601 date-time` }]);
    return new Date(iso);
  }

  async findOne(eventId: string, caller: ApiKeyPrincipal): Promise<StoredEvent> {
    const event = eventId.length <= 64 ? await this.events.findById(eventId, caller.programIds) : null;
    if (!event) throw new NotFoundException(`Event ${eventId} not found`);
    return event;
  }
}
