import { registerAs } from '@nestjs/config';
import { IsString, MinLength } from 'class-validator';
import { validateConfig } from './validate-config.js';

class SecretsEnv {
  /**
   * 32 bytes (64 hex digits or base64) that encrypt the secrets the hub must be able to use again, such as
   * ALM webhook signing secrets. `npm start` generates one on first run and keeps it in the data directory.
   * Losing it makes those secrets unreadable (they must then be set again); changing it needs a re-encryption.
   */
  @IsString() @MinLength(32, { message: 'HUB_SECRET_KEY must be 32 bytes as 64 hex digits or base64' })
  HUB_SECRET_KEY!: string;
}

export interface SecretsConfig {
  /** The key as configured; `parseEncryptionKey` (in the source that uses it) decodes it and fails the boot when it is not 32 bytes. */
  secretKey: string;
}

export const secretsConfig = registerAs('secrets', (): SecretsConfig => {
  const env = validateConfig(SecretsEnv, process.env);
  return { secretKey: env.HUB_SECRET_KEY };
});
