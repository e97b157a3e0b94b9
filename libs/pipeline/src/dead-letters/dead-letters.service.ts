import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { PublisherSystemId } from '@hub/event-store';
import { AcceptService } from '../ingest/accept.service.js';
import type { IngestPayload } from '../queue/ingest-queue.constants.js';
import { PipelineStats } from '../stats/pipeline-stats.js';
import type { DeadLetterEntity } from './dead-letter.entity.js';
import { DeadLetterRepository, type DeadLetterFilter } from './dead-letter.repository.js';

@Injectable()
export class DeadLettersService {
  constructor(
    private readonly letters: DeadLetterRepository,
    private readonly acceptor: AcceptService,
    private readonly stats: PipelineStats,
  ) {}

  /** Keeps an accepted payload that cannot be processed. */
  async keep(payload: IngestPayload, reason: string, attempts: number): Promise<string> {
    const id = await this.letters.record({
      source: payload.source,
      programId: payload.programId,
      payload: Buffer.from(payload.body, 'utf8'),
      contentType: payload.contentType ?? null,
      reason,
      attempts,
      context: payload.context ?? null,
    });
    this.stats.count(payload.source, 'deadLettered');
    return id;
  }

  /** Keeps bytes an authenticated sender sent that never became a payload (e.g. not JSON at all). */
  async keepRaw(source: PublisherSystemId, programId: string | null, bytes: Buffer, reason: string, contentType?: string, context?: Record<string, string>): Promise<string> {
    const id = await this.letters.record({ source, programId, payload: bytes, contentType: contentType ?? null, reason, attempts: 1, context: context ?? null });
    this.stats.count(source, 'deadLettered');
    return id;
  }

  list(filter: DeadLetterFilter): Promise<DeadLetterEntity[]> {
    return this.letters.findPage(filter);
  }

  count(filter: Omit<DeadLetterFilter, 'limit' | 'offset'>): Promise<number> {
    return this.letters.count(filter);
  }

  openBySource(): Promise<Map<string, number>> {
    return this.letters.countOpenBySource();
  }

  async get(id: string): Promise<DeadLetterEntity> {
    const letter = await this.letters.findOne(id);
    if (!letter) throw new NotFoundException(`Dead letter ${id} not found`);
    return letter;
  }

  /** Sends the kept payload through accept() again; the worker dead-letters it anew if it still fails. */
  async replay(id: string): Promise<string> {
    const letter = await this.get(id);
    if (letter.status !== 'open') throw new ConflictException(`Dead letter ${id} is ${letter.status}`);
    if (!letter.programId) throw new ConflictException(`Dead letter ${id} has no program and cannot be replayed`);
    const jobId = await this.acceptor.accept({
      source: letter.source as PublisherSystemId,
      programId: letter.programId,
      body: letter.payload.toString('utf8'),
      contentType: letter.contentType ?? undefined,
      receivedUtc: new Date().toISOString(),
      context: { ...(letter.context ?? {}), replayOf: letter.id },
    });
    await this.letters.resolve(id, 'replayed');
    return jobId;
  }

  async discard(id: string): Promise<void> {
    const letter = await this.get(id);
    if (letter.status !== 'open') throw new ConflictException(`Dead letter ${id} is ${letter.status}`);
    await this.letters.resolve(id, 'discarded');
  }
}
