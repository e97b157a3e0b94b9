import { registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

class XapiEnv {
  /** Lifetime of an access token from POST /igs/oauth/accesstoken (the imc seed shows 3600). */
  @IsInt() @Min(60) @Max(86_400)
  XAPI_TOKEN_TTL_SECONDS: number = 3600;

  /** Largest page of GET /xAPI/statements; `limit=0` or no limit means this many. */
  @IsInt() @Min(1) @Max(10_000)
  XAPI_MAX_PAGE_SIZE: number = 500;

  /** Failed client authentications allowed per client id and address within the window, then 429. */
  @IsInt() @Min(1) @Max(10_000)
  XAPI_AUTH_MAX_FAILURES: number = 10;

  /** Failed client authentications allowed per address (any client id) within the window. */
  @IsInt() @Min(1) @Max(100_000)
  XAPI_AUTH_MAX_FAILURES_PER_ADDRESS: number = 100;

  @IsInt() @Min(1) @Max(86_400)
  XAPI_AUTH_FAILURE_WINDOW_SECONDS: number = 900;
}

export interface XapiConfig {
  tokenTtlSeconds: number;
  maxPageSize: number;
  authMaxFailures: number;
  authMaxFailuresPerAddress: number;
  authFailureWindowSeconds: number;
}

export const xapiConfig = registerAs('xapi', (): XapiConfig => {
  const env = validateConfig(XapiEnv, process.env);
  return {
    tokenTtlSeconds: env.XAPI_TOKEN_TTL_SECONDS,
    maxPageSize: env.XAPI_MAX_PAGE_SIZE,
    authMaxFailures: env.XAPI_AUTH_MAX_FAILURES,
    authMaxFailuresPerAddress: env.XAPI_AUTH_MAX_FAILURES_PER_ADDRESS,
    authFailureWindowSeconds: env.XAPI_AUTH_FAILURE_WINDOW_SECONDS,
  };
});
