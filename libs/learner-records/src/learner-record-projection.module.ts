import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { EventStoreModule } from '@hub/event-store';
import { LearnerRecordsModule } from './learner-records.module.js';
import { LearnerRecordFollower } from './projection/learner-record.follower.js';
import { StoreBacklog } from './projection/store-backlog.js';

export interface LearnerRecordProjectionOptions {
  /** Modules the backlog probe needs. */
  imports?: ModuleMetadata['imports'];
  /** Tells records when to give way to the store; without it they never do. */
  backlog?: Type<StoreBacklog>;
}

/** The worker's side of learner records: follows the event feed and keeps the records (HUB_LEARNER_RECORDS). */
@Module({})
export class LearnerRecordProjectionModule {
  static register(options: LearnerRecordProjectionOptions = {}): DynamicModule {
    return {
      module: LearnerRecordProjectionModule,
      imports: [LearnerRecordsModule, EventStoreModule, ...(options.imports ?? [])],
      providers: [LearnerRecordFollower, ...(options.backlog ? [{ provide: StoreBacklog, useClass: options.backlog }] : [])],
    };
  }
}
