import { ForbiddenException, Injectable } from '@nestjs/common';
import { canAccessProgram, type ApiKeyPrincipal } from '@hub/access';
import { ValidationFailedException } from '@hub/observability';
import { LearnerRecordRepository } from '../persistence/learner-record.repository.js';
import type { StoredLearnerRecord } from '../persistence/record-rows.js';
import type { LearnerRecordDto } from './dto/learner-record.dto.js';
import type { ListLearnerRecordsQuery } from './dto/list-learner-records.query.js';
import { decodeRecordCursor } from './record-cursor.js';

export const DEFAULT_RECORD_PAGE_SIZE = 100;

export interface LearnerRecordsPage {
  records: LearnerRecordDto[];
  next: bigint;
  limit: number;
}

/** The API shape: the record without its bookkeeping (HighWaterMark), plus UpdatedUtc. */
export function toLearnerRecordDto({ record, updatedUtc }: StoredLearnerRecord): LearnerRecordDto {
  return {
    PublisherSystemId: record.PublisherSystemId,
    PublisherProgramId: record.PublisherProgramId,
    PublisherParticipantId: record.PublisherParticipantId,
    LearningObjectId: record.LearningObjectId,
    Status: record.Status,
    SourceStatus: record.SourceStatus,
    ProgressPercent: record.ProgressPercent,
    Passed: record.Passed,
    EnrolledUtc: record.EnrolledUtc,
    StartedUtc: record.StartedUtc,
    CompletedUtc: record.CompletedUtc,
    DueDate: record.DueDate,
    LastEventId: record.LastEventId,
    LastEventUtc: record.LastEventUtc,
    UpdatedUtc: updatedUtc,
  };
}

@Injectable()
export class LearnerRecordsService {
  constructor(private readonly records: LearnerRecordRepository) {}

  async findPage(query: ListLearnerRecordsQuery, caller: ApiKeyPrincipal): Promise<LearnerRecordsPage> {
    if (query.PublisherProgramId && !canAccessProgram(caller, query.PublisherProgramId)) {
      throw new ForbiddenException(`This API key has no access to program ${query.PublisherProgramId}`);
    }
    const after = query.after ? decodeRecordCursor(query.after) : 0n;
    if (after === null) throw new ValidationFailedException([{ field: 'after', message: 'after is not a cursor issued by this hub' }]);
    const limit = query.limit ?? DEFAULT_RECORD_PAGE_SIZE;
    const page = await this.records.findPage({
      programIds: query.PublisherProgramId ? [query.PublisherProgramId] : caller.programIds,
      systemId: query.PublisherSystemId,
      participantId: query.PublisherParticipantId,
      learningObjectId: query.LearningObjectId,
      status: query.Status,
      after,
      limit,
    });
    return { records: page.records.map(toLearnerRecordDto), next: page.next, limit };
  }
}
