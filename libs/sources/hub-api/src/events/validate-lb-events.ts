import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, type FieldError } from '@hub/observability';
import { PublishEventDto } from '../dto/publish-event.dto.js';
import { toUtcIso } from './lb-event.mapper.js';

export type LbValidation = { ok: true; events: PublishEventDto[]; isArray: boolean } | { ok: false; errors: FieldError[] };

/**
 * Validates the whole request before anything is enqueued: one event or an array of up to `max`.
 * Fields are named with their index for arrays (`[3].EventType`).
 */
export function validateLbEvents(body: unknown, max: number): LbValidation {
  const isArray = Array.isArray(body);
  const items: unknown[] = isArray ? (body as unknown[]) : [body];
  if (!isArray && (typeof body !== 'object' || body === null)) return { ok: false, errors: [{ field: 'body', message: 'The body must be an event object or an array of events' }] };
  if (items.length === 0) return { ok: false, errors: [{ field: 'body', message: 'The array holds no event' }] };
  if (items.length > max) return { ok: false, errors: [{ field: 'body', message: `At most ${max} events per request (got ${items.length})` }] };

  const errors: FieldError[] = [];
  const events: PublishEventDto[] = [];
  items.forEach((item, index) => {
    const prefix = isArray ? `[${index}]` : '';
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ field: prefix || 'body', message: 'An event must be a JSON object' });
      return;
    }
    const dto = plainToInstance(PublishEventDto, item);
    const found = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    errors.push(...flattenValidationErrors(found, prefix));
    if (found.length === 0) errors.push(...checkDates(dto, prefix), ...checkNul(item as Record<string, unknown>, prefix));
    events.push(dto);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events, isArray };
}

function checkDates(dto: PublishEventDto, prefix: string): FieldError[] {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  let start: string;
  try {
    start = toUtcIso(dto.EventStartUtc);
  } catch {
    return [{ field: field('EventStartUtc'), message: 'EventStartUtc is not a valid date-time' }];
  }
  if (!dto.EventEndUtc) return [];
  try {
    if (toUtcIso(dto.EventEndUtc) < start) return [{ field: field('EventEndUtc'), message: 'EventEndUtc must not be before EventStartUtc' }];
  } catch {
    return [{ field: field('EventEndUtc'), message: 'EventEndUtc is not a valid date-time' }];
  }
  return [];
}

/** PostgreSQL text and jsonb cannot hold NUL characters: refuse them here, naming the field, rather than fail later. */
function checkNul(event: Record<string, unknown>, prefix: string): FieldError[] {
  return Object.entries(event)
    .filter(([, value]) => holdsNul(value, 0))
    .map(([name]) => ({ field: prefix ? `${prefix}.${name}` : name, message: `${name} must not contain NUL (\\u0000) characters` }));
}

function holdsNul(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner, depth + 1));
}
