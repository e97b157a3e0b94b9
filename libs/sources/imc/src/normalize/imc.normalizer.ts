import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { courseUpdateFrom } from '../catalogue/course-update.js';
import { ImcCourseRepository } from '../catalogue/imc-course.repository.js';
import { normalizeImcMessage } from './imc-message.normalizer.js';

/**
 * Worker side of the imc queue: the job holds the raw body and its topic; this turns it into the canonical event
 * (idempotent by body hash) and applies a course change to the course catalogue. The catalogue write is last
 * writer wins by source time, so a retried or redelivered job leaves it as it was.
 */
@Injectable()
export class ImcNormalizer implements SourceNormalizer, OnModuleInit {
  readonly source = 'IMC' as const;
  private readonly logger = new Logger(ImcNormalizer.name);

  constructor(
    private readonly registry: NormalizerRegistry,
    private readonly courses: ImcCourseRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async normalize(payload: IngestPayload): Promise<CanonicalEvent[]> {
    const topic = payload.context?.topic;
    if (!topic) throw new UnprocessablePayloadError('The imc payload names no topic (context.topic)', 'topic');
    const result = normalizeImcMessage({ topic, body: payload.body }, { programId: payload.programId });
    if (!result.ok) {
      const { code, field, detail } = result.reason;
      throw new UnprocessablePayloadError(`${code}${field ? ` (${field})` : ''}: ${detail}`, field);
    }
    if (result.message.kind === 'course-change') {
      const applied = await this.courses.apply(payload.programId, courseUpdateFrom(result.message), result.events[0].EventId);
      if (!applied) this.logger.debug(`course ${result.message.courseId}: an equal or newer change is already in the catalogue`);
    }
    return result.events;
  }
}
