import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventStoreModule } from '@hub/event-store';
import { LearnerFactEntity } from './persistence/learner-fact.entity.js';
import { LearnerRecordEntity } from './persistence/learner-record.entity.js';
import { LearnerRecordRepository } from './persistence/learner-record.repository.js';
import { RebuildStagingRepository } from './persistence/rebuild-staging.repository.js';
import { LearnerRecordProjector } from './projection/learner-record.projector.js';
import { LearnerRecordRebuilder } from './rebuild/learner-record.rebuilder.js';

/** Learner records storage: the worker's projector (used by the pipeline) and the rebuild. */
@Module({
  imports: [TypeOrmModule.forFeature([LearnerRecordEntity, LearnerFactEntity]), EventStoreModule],
  providers: [LearnerRecordRepository, RebuildStagingRepository, LearnerRecordProjector, LearnerRecordRebuilder],
  exports: [LearnerRecordRepository, LearnerRecordProjector, LearnerRecordRebuilder],
})
export class LearnerRecordsModule {}
