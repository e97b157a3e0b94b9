import { Module } from '@nestjs/common';
import { AccessModule } from '@hub/access';
import { EventSearchRepository } from '@hub/event-store';
import { PipelineProducerModule } from '@hub/pipeline';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { DashboardAssetsController } from './dashboard/dashboard-assets.controller.js';
import { DashboardAssets } from './dashboard/dashboard-assets.js';
import { DashboardPageController } from './dashboard/dashboard-page.controller.js';
import { DeadLettersController } from './dead-letters/dead-letters.controller.js';
import { AdminEventsController } from './events/admin-events.controller.js';
import { OverviewController } from './overview/overview.controller.js';
import { OverviewService } from './overview/overview.service.js';
import { ProgramsController } from './programs/programs.controller.js';
import { AdminSessionController } from './session/admin-session.controller.js';

/** Operations under /admin, all behind the admin token or a dashboard session, and the dashboard itself. */
@Module({
  imports: [AccessModule, PipelineProducerModule],
  controllers: [
    ProgramsController,
    ApiKeysController,
    DeadLettersController,
    OverviewController,
    AdminEventsController,
    AdminSessionController,
    DashboardPageController,
    DashboardAssetsController,
  ],
  providers: [OverviewService, EventSearchRepository, DashboardAssets],
})
export class AdminModule {}
