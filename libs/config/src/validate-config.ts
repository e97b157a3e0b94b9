import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

type Constructor<T> = new () => T;

/** Turns a slice of process.env into a validated, typed config object, or fails the boot naming each bad variable. */
export function validateConfig<T extends object>(schema: Constructor<T>, env: Record<string, unknown>): T {
  const config = plainToInstance(schema, env, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${details.join('\n  ')}`);
  }
  return config;
}
