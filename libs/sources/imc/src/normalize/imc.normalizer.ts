import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { courseUpdateFrom } from '../catalogue/course-update.js';
import { ImcCourseRepository } from '../catalogue/imc-course.repository.js';
import { decodeImcBatch, IMC_BATCH_CONTENT_TYPE } from './imc-batch-payload.js';
import { normalizeImcMessage } from './imc-message.normalizer.js';

/**
 * Worker side of the imc queue: the job holds a raw body and its topic, or several (imc-batch-payload); each becomes
 * its canonical event (idempotent by body hash), and a course change is applied to the course catalogue. The
 * catalogue write is last writer wins by source time, so a retried or redelivered job leaves it as it was.
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
    const messages = messagesOf(payload);
    const events: CanonicalEvent[] = [];
    for (const [index, { topic, body }] of messages.entries()) {
      const result = normalizeImcMessage({ topic, body }, { programId: payload.programId });
      if (!result.ok) {
        // The ingress checked every message with this same function, so this takes a changed hub; the whole job goes
        // to the dead letters (nothing is lost) and is replayed once the hub is put right.
        const { code, field, detail } = result.reason;
        const which = messages.length > 1 ? `message ${index + 1} of ${messages.length}, ` : '';
        throw new UnprocessablePayloadError(`${which}${code}${field ? ` (${field})` : ''}: ${detail}`, field);
      }
      if (result.message.kind === 'course-change') {
        const applied = await this.courses.apply(payload.programId, courseUpdateFrom(result.message), result.events[0].EventId);
        if (!applied) this.logger.debug(`course ${result.message.courseId}: an equal or newer change is already in the catalogue`);
      }
      events.push(...result.events);
    }
    return events;
  }
}

/** The messages of a job: several in a batch job, else the one raw body with its topic in the context. */
function messagesOf(payload: IngestPayload): { topic: string; body: string }[] {
  if (payload.contentType === IMC_BATCH_CONTENT_TYPE) {
    const batch = decodeImcBatch(payload.body);
    if (!batch.ok) throw new UnprocessablePayloadError(`imc batch: ${batch.detail}`, 'messages');
    return batch.messages;
  }
  const topic = payload.context?.topic;
  if (!topic) throw new UnprocessablePayloadError('The imc payload names no topic (context.topic)', 'topic');
  return [{ topic, body: payload.body }];
}
