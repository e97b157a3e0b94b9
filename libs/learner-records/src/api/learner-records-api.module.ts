import { Module } from '@nestjs/common';
import { AccessModule } from '@hub/access';
import { LearnerRecordsModule } from '../learner-records.module.js';
import { LearnerRecordsAdminController } from './learner-records-admin.controller.js';
import { LearnerRecordsController } from './learner-records.controller.js';
import { LearnerRecordsService } from './learner-records.service.js';

/** HTTP side of learner records: the subscriber API and the admin rebuild. */
@Module({
  imports: [AccessModule, LearnerRecordsModule],
  controllers: [LearnerRecordsController, LearnerRecordsAdminController],
  providers: [LearnerRecordsService],
})
export class LearnerRecordsApiModule {}
