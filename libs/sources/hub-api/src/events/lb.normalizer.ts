import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { toCanonicalLbEvent } from './lb-event.mapper.js';
import { validateLbEvents } from './validate-lb-events.js';

/** Worker side of the hub API: the payload is the validated request; validated again, since a replay may carry anything. */
@Injectable()
export class LbNormalizer implements SourceNormalizer, OnModuleInit {
  readonly source = 'LB' as const;

  constructor(private readonly registry: NormalizerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  normalize(payload: IngestPayload): CanonicalEvent[] {
    let body: unknown;
    try {
      body = JSON.parse(payload.body);
    } catch {
      throw new UnprocessablePayloadError('The payload is not JSON');
    }
    const result = validateLbEvents(body, Number.MAX_SAFE_INTEGER);
    if (!result.ok) throw new UnprocessablePayloadError(result.errors.map((e) => `${e.field}: ${e.message}`).join('; '), result.errors[0]?.field);
    const foreign = result.events.find((e) => e.PublisherProgramId !== payload.programId);
    if (foreign) throw new UnprocessablePayloadError(`Event for program ${foreign.PublisherProgramId} in a payload of program ${payload.programId}`);
    return result.events.map(toCanonicalLbEvent);
  }
}
