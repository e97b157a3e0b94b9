import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@hub/access';
import { encodeCursor } from '@hub/event-store';
import { LEARNER_RECORDS_PROJECTION, ProjectionCheckpointRepository } from '../persistence/projection-checkpoint.repository.js';
import { LearnerRecordRebuilder } from '../rebuild/learner-record.rebuilder.js';
import { LearnerRecordsStatusDto } from './dto/learner-records-status.dto.js';
import { RebuildLearnerRecordsDto, RebuildResultDto } from './dto/rebuild-learner-records.dto.js';

@ApiTags('admin')
@AdminAuth()
@Controller('admin/learner-records')
export class LearnerRecordsAdminController {
  constructor(
    private readonly rebuilder: LearnerRecordRebuilder,
    private readonly checkpoints: ProjectionCheckpointRepository,
  ) {}

  @Get('status')
  @ApiOperation({
    summary: 'How far learner records have followed the event log',
    description: 'Workers take stored events into learner records in batches, following the feed; records are normally under a second behind.',
  })
  @ApiOkResponse({ type: LearnerRecordsStatusDto })
  async status(): Promise<LearnerRecordsStatusDto> {
    const { checkpoint, behind } = await this.checkpoints.countBehind(LEARNER_RECORDS_PROJECTION);
    return { projectedThrough: encodeCursor(checkpoint), behind, caughtUp: behind === 0 };
  }

  @Post('rebuild')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Recompute learner records from the event log',
    description:
      'Replaces the records (and their facts) of the given programs, or of all, with the fold of every stored event’s facts: ' +
      'exactly what incremental processing gives, so on a consistent store nothing changes (changed = 0). Use it after a change ' +
      'of the mapping or after an event was skipped (hub_learner_records_skipped_events_total). Runs in one transaction: workers’ record writes ' +
      'wait until it commits (nothing is lost), and readers see the previous records until then. Records keep their place in ' +
      'the API’s paging order, and an unchanged record keeps its UpdatedUtc.',
  })
  @ApiBody({ type: RebuildLearnerRecordsDto, required: false, examples: { one: { value: { programIds: ['NURSING'] } }, all: { value: {} } } })
  @ApiOkResponse({ type: RebuildResultDto, description: 'What the rebuild read and wrote' })
  rebuild(@Body() body: RebuildLearnerRecordsDto = {}): Promise<RebuildResultDto> {
    return this.rebuilder.rebuild(body?.programIds ?? null);
  }
}
