import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from './validate-config.js';

export const HUB_ROLES = ['api', 'worker'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

class AppEnv {
  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsInt() @Min(0) @Max(65535)
  WORKER_HEALTH_PORT: number = 3001;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  HUB_ROLES: string = 'api,worker';

  @IsString() @MinLength(16)
  HUB_ADMIN_TOKEN!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsIn(['none', 'admin'])
  METRICS_AUTH: string = 'none';

  @IsOptional() @IsString()
  PUBLIC_URL?: string;
}

export interface AppConfig {
  port: number;
  workerHealthPort: number;
  host: string;
  roles: HubRole[];
  adminToken: string;
  logLevel: string;
  metricsAuth: 'none' | 'admin';
  publicUrl?: string;
}

export function parseRoles(value: string): HubRole[] {
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  for (const role of roles) {
    if (!(HUB_ROLES as readonly string[]).includes(role)) throw new Error(`HUB_ROLES: unknown role "${role}" (expected api, worker)`);
  }
  return roles as HubRole[];
}

export const appConfig = registerAs('app', (): AppConfig => {
  const env = validateConfig(AppEnv, process.env);
  return {
    port: env.PORT,
    workerHealthPort: env.WORKER_HEALTH_PORT,
    host: env.HOST,
    roles: parseRoles(env.HUB_ROLES),
    adminToken: env.HUB_ADMIN_TOKEN,
    logLevel: env.LOG_LEVEL,
    metricsAuth: env.METRICS_AUTH as AppConfig['metricsAuth'],
    publicUrl: env.PUBLIC_URL,
  };
});
