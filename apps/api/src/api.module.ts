import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AdminModule } from '@hub/admin';
import { appConfig, databaseConfig, ingestConfig, redisConfig } from '@hub/config';
import { DatabaseModule } from '@hub/database';
import { LearnerRecordsApiModule } from '@hub/learner-records';
import { HealthModule, LoggingModule, MetricsModule } from '@hub/observability';
import { HubApiModule } from '@hub/sources/hub-api';
import { ImcApiModule } from '@hub/sources/imc';
import { XapiModule } from '@hub/sources/xapi';
import { AlmModule } from '@hub/sources/alm';

/** The API role: HTTP only. It accepts into the pipeline and reads the store; it never processes jobs. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig, databaseConfig, redisConfig, ingestConfig] }),
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    HealthModule,
    HubApiModule,
    AdminModule,
    ImcApiModule,
    XapiModule,
    AlmModule,
    LearnerRecordsApiModule,
  ],
})
export class ApiModule {}
