import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminAuth } from '@hub/access';
import { CountSeriesDto, OverviewDto, ThroughputDto } from './overview.dto.js';
import { OverviewService } from './overview.service.js';
import { ThroughputQuery } from './throughput.query.js';

@ApiTags('admin')
@AdminAuth()
@ApiExtraModels(CountSeriesDto)
@Controller('admin/overview')
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @ApiOperation({
    summary: 'The pipeline at a glance',
    description:
      'Per source (LB, ALM, IMC, XAPI): accepted, refused, stored, duplicate and dead-lettered counts over the last 5 minutes, ' +
      'hour and day (durable counters shared by every process), the last accepted and stored times, open dead letters, and ' +
      'the source’s own status (imc broker connection, ALM webhooks’ last delivery and authentication failures). ' +
      'Also the ingest queue (waiting, active, delayed, failed, oldest waiting job, connected workers) and whether ' +
      'PostgreSQL and Redis answer. A part that cannot be read is null and named in `problems`.',
  })
  @ApiOkResponse({ type: OverviewDto })
  get(): Promise<OverviewDto> {
    return this.overview.overview();
  }

  @Get('throughput')
  @ApiOperation({ summary: 'Per source and minute: accepted, stored, duplicates, dead-lettered, refused (for the throughput chart)' })
  @ApiOkResponse({ type: ThroughputDto })
  throughput(@Query() query: ThroughputQuery): Promise<ThroughputDto> {
    return this.overview.throughput(query.minutes ?? 60);
  }
}
