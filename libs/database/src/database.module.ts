import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig, type DatabaseConfig } from '@hub/config';
import { dataSourceOptions } from './data-source-options.js';

/** The Nest DataSource: the shared options, with each feature module registering its own entities. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({ ...dataSourceOptions(config.url, [], config.poolSize), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
