import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SOURCE_HEALTHS } from '@hub/observability';

export class CountsDto {
  @ApiProperty({ example: 1200, description: 'Events acknowledged to senders' }) accepted: number;
  @ApiProperty({ example: 0, description: 'Payloads refused with 503 because the pipeline was unavailable' }) refused: number;
  @ApiProperty({ example: 1180, description: 'Events newly written to the store' }) stored: number;
  @ApiProperty({ example: 20, description: 'Events that were already stored (redeliveries, resends)' }) duplicates: number;
  @ApiProperty({ example: 0, description: 'Payloads kept in the dead-letter store' }) deadLettered: number;
}

export class SourceWindowsDto {
  @ApiProperty({ type: CountsDto, description: 'The last 5 minutes (minute buckets, the current one partial)' }) last5m: CountsDto;
  @ApiProperty({ type: CountsDto, description: 'The last hour (minute buckets)' }) last1h: CountsDto;
  @ApiProperty({ type: CountsDto, description: 'The last 24 hours (hour buckets, the current one partial)' }) last24h: CountsDto;
}

export class AuthFailuresDto {
  @ApiProperty({ example: 3 }) lastHour: number;
  @ApiPropertyOptional({ example: '2024-03-01T14:29:10.000Z', nullable: true }) lastUtc?: string | null;
}

export class SourceConnectionDto {
  @ApiProperty({ example: '0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c' }) id: string;
  @ApiProperty({ example: 'ALM production account' }) name: string;
  @ApiPropertyOptional({ example: 'enabled' }) state?: string;
  @ApiPropertyOptional({ enum: SOURCE_HEALTHS }) health?: string;
  @ApiPropertyOptional({ example: '2024-03-01T14:30:00.000Z', nullable: true }) lastDeliveryUtc?: string | null;
  @ApiPropertyOptional({ type: AuthFailuresDto }) authFailures?: AuthFailuresDto;
  @ApiPropertyOptional() detail?: string;
}

export class SourceOverviewDto {
  @ApiProperty({ example: 'LB', description: 'PublisherSystemId' }) source: string;
  @ApiProperty({ example: 'listening', description: 'The source’s own word for its state (imc: the broker connection)' }) state: string;
  @ApiProperty({ enum: SOURCE_HEALTHS, example: 'ok' }) health: string;
  @ApiPropertyOptional({ example: 'POST /api/v1/events with an API key' }) detail?: string;
  @ApiPropertyOptional({ example: '2024-03-01T08:00:00.000Z' }) sinceUtc?: string;
  @ApiProperty({ type: SourceWindowsDto, nullable: true, description: 'Null when Redis, which keeps the counters, is unreachable' }) counts: SourceWindowsDto | null;
  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', nullable: true, description: 'When the hub last acknowledged an event of this source' }) lastAcceptedUtc: string | null;
  @ApiProperty({ example: '2024-03-01T14:30:00.120Z', nullable: true, description: 'When the hub last stored an event of this source' }) lastStoredUtc: string | null;
  @ApiProperty({ example: 0, nullable: true }) openDeadLetters: number | null;
  @ApiProperty({ type: SourceConnectionDto, isArray: true, description: 'Per connection: ALM webhooks (last delivery, auth failures), imc topic links, …' }) connections: SourceConnectionDto[];
}

export class WorkerDto {
  @ApiProperty({ example: '10.0.3.7:51234' }) address: string;
  @ApiProperty({ example: 3600 }) ageSeconds: number;
  @ApiProperty({ example: 0 }) idleSeconds: number;
}

export class QueueOverviewDto {
  @ApiProperty({ example: 'ingest' }) name: string;
  @ApiProperty({ example: 0 }) waiting: number;
  @ApiProperty({ example: 2 }) active: number;
  @ApiProperty({ example: 0, description: 'Waiting for a retry (backoff)' }) delayed: number;
  @ApiProperty({ example: 0 }) failed: number;
  @ApiProperty({ example: 0 }) prioritized: number;
  @ApiProperty({ example: false }) paused: boolean;
  @ApiProperty({ example: 0.4, nullable: true, description: 'Seconds the oldest waiting job has waited; null when none waits' }) oldestWaitingSeconds: number | null;
  @ApiProperty({ type: WorkerDto, isArray: true }) workers: WorkerDto[];
}

export class DependenciesDto {
  @ApiProperty({ enum: ['up', 'down'] }) postgres: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
}

export class OverviewDto {
  @ApiProperty({ example: '2024-03-01T14:30:05.000Z' }) generatedUtc: string;
  @ApiProperty({ type: DependenciesDto }) dependencies: DependenciesDto;
  @ApiProperty({ type: QueueOverviewDto, nullable: true, description: 'Null when Redis is unreachable' }) queue: QueueOverviewDto | null;
  @ApiProperty({ type: SourceOverviewDto, isArray: true, description: 'LB, ALM, IMC, XAPI, then any other source seen' }) sources: SourceOverviewDto[];
  @ApiProperty({ example: 0, nullable: true }) openDeadLetters: number | null;
  @ApiProperty({ type: [String], example: [], description: 'What could not be read, in words' }) problems: string[];
}

export class CountSeriesDto {
  @ApiProperty({ type: [Number] }) accepted: number[];
  @ApiProperty({ type: [Number] }) refused: number[];
  @ApiProperty({ type: [Number] }) stored: number[];
  @ApiProperty({ type: [Number] }) duplicates: number[];
  @ApiProperty({ type: [Number] }) deadLettered: number[];
}

export class ThroughputDto {
  @ApiProperty({ example: 60 }) bucketSeconds: number;
  @ApiProperty({ type: [Number], description: 'Start of each minute (epoch seconds), oldest first; the last is the current minute' }) minutes: number[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/CountSeriesDto' }, description: 'Per source, one number per minute' })
  sources: Record<string, CountSeriesDto>;
}
