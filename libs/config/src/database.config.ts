import { registerAs } from '@nestjs/config';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

class DatabaseEnv {
  @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE: number = 10;
}

export interface DatabaseConfig {
  url: string;
  poolSize: number;
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => {
  const env = validateConfig(DatabaseEnv, process.env);
  return { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE };
});
