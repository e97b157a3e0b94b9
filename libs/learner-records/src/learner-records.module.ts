import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventStoreModule } from '@hub/event-store';
import { LearnerFactEntity } from './persistence/learner-fact.entity.js';
import { LearnerRecordEntity } from './persistence/learner-record.entity.js';
import { LearnerRecordRepository } from './persistence/learner-record.repository.js';
import { ProjectionCheckpointRepository } from './persistence/projection-checkpoint.repository.js';
import { RebuildStagingRepository } from './persistence/rebuild-staging.repository.js';
import { LearnerRecordProjector } from './projection/learner-record.projector.js';
import { LearnerRecordRebuilder } from './rebuild/learner-record.rebuilder.js';

/** Learner records storage: the projector, its checkpoint and the rebuild. */
@Module({
  imports: [TypeOrmModule.forFeature([LearnerRecordEntity, LearnerFactEntity]), EventStoreModule],
  providers: [LearnerRecordRepository, RebuildStagingRepository, ProjectionCheckpointRepository, LearnerRecordProjector, LearnerRecordRebuilder],
  exports: [LearnerRecordRepository, ProjectionCheckpointRepository, LearnerRecordProjector, LearnerRecordRebuilder],
})
export class LearnerRecordsModule {}
