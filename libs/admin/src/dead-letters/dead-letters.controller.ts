import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminAuth } from '@hub/access';
import { DeadLettersService } from '@hub/pipeline';
import { DeadLetterDto, DeadLetterSummaryDto, DiscardManyDto, ListDeadLettersQuery, ReplayManyDto, ReplayResultDto, toDetail, toSummary } from './dead-letter.dto.js';

@ApiTags('admin')
@AdminAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'List dead letters, newest first', description: 'The number of all that match the filter is in X-Total-Count.' })
  @ApiOkResponse({ type: DeadLetterSummaryDto, isArray: true, headers: { 'X-Total-Count': { description: 'How many match the filter', schema: { type: 'integer' } } } })
  async list(@Query() query: ListDeadLettersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<DeadLetterSummaryDto[]> {
    const filter = { status: query.status ?? 'open', source: query.source, programId: query.programId, reason: query.reason };
    const [letters, total] = await Promise.all([this.deadLetters.list({ ...filter, limit: query.limit ?? 50, offset: query.offset ?? 0 }), this.deadLetters.count(filter)]);
    reply.header('X-Total-Count', String(total));
    return letters.map(toSummary);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Inspect one dead letter: raw payload and reason' })
  @ApiOkResponse({ type: DeadLetterDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeadLetterDto> {
    return toDetail(await this.deadLetters.get(id));
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the payload through the pipeline again' })
  @ApiAcceptedResponse({ type: ReplayResultDto })
  @ApiConflictResponse({ description: 'Already replayed or discarded' })
  async replay(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReplayResultDto> {
    await this.deadLetters.replay(id);
    return { id, outcome: 'replayed' };
  }

  @Post('replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay many dead letters', description: 'Each is replayed on its own; the answer says per id whether it was.' })
  @ApiAcceptedResponse({ type: ReplayResultDto, isArray: true })
  replayMany(@Body() dto: ReplayManyDto): Promise<ReplayResultDto[]> {
    return this.each(dto.ids, 'replayed', (id) => this.deadLetters.replay(id));
  }

  @Post('discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Discard many dead letters (kept, marked discarded)', description: 'Each is discarded on its own; the answer says per id whether it was.' })
  @ApiOkResponse({ type: ReplayResultDto, isArray: true })
  discardMany(@Body() dto: DiscardManyDto): Promise<ReplayResultDto[]> {
    return this.each(dto.ids, 'discarded', (id) => this.deadLetters.discard(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a dead letter (kept, marked discarded)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiConflictResponse({ description: 'Already replayed or discarded' })
  discard(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.deadLetters.discard(id);
  }

  private async each(ids: string[], outcome: 'replayed' | 'discarded', act: (id: string) => Promise<unknown>): Promise<ReplayResultDto[]> {
    const results: ReplayResultDto[] = [];
    for (const id of ids) {
      try {
        await act(id);
        results.push({ id, outcome });
      } catch (err) {
        results.push({ id, outcome: 'failed', detail: (err as Error).message });
      }
    }
    return results;
  }
}
