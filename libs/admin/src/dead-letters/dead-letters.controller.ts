import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@hub/access';
import { DeadLettersService } from '@hub/pipeline';
import { DeadLetterDto, DeadLetterSummaryDto, ListDeadLettersQuery, ReplayManyDto, ReplayResultDto, toDetail, toSummary } from './dead-letter.dto.js';

@ApiTags('admin')
@AdminAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'List dead letters, newest first' })
  @ApiOkResponse({ type: DeadLetterSummaryDto, isArray: true })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterSummaryDto[]> {
    const letters = await this.deadLetters.list({ status: query.status ?? 'open', source: query.source, programId: query.programId, limit: query.limit ?? 50, offset: query.offset ?? 0 });
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
  async replay(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReplayResultDto> {
    await this.deadLetters.replay(id);
    return { id, outcome: 'replayed' };
  }

  @Post('replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Replay many dead letters' })
  @ApiAcceptedResponse({ type: ReplayResultDto, isArray: true })
  async replayMany(@Body() dto: ReplayManyDto): Promise<ReplayResultDto[]> {
    const results: ReplayResultDto[] = [];
    for (const id of dto.ids) {
      try {
        await this.deadLetters.replay(id);
        results.push({ id, outcome: 'replayed' });
      } catch (err) {
        results.push({ id, outcome: 'failed', detail: (err as Error).message });
      }
    }
    return results;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a dead letter (kept, marked discarded)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  discard(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.deadLetters.discard(id);
  }
}
