import type { Provider } from '@nestjs/common';
import { secretsConfig, type SecretsConfig } from '@hub/config';
import { parseEncryptionKey } from '../security/secret-box.js';

/** The 32-byte key that encrypts webhook signing secrets (HUB_SECRET_KEY), decoded once; a bad key fails the boot. */
export const WEBHOOK_SECRET_KEY = Symbol('WEBHOOK_SECRET_KEY');

export const webhookSecretKeyProvider: Provider = {
  provide: WEBHOOK_SECRET_KEY,
  inject: [secretsConfig.KEY],
  useFactory: (config: SecretsConfig): Buffer => {
    try {
      return parseEncryptionKey(config.secretKey);
    } catch (err) {
      throw new Error(`HUB_SECRET_KEY: ${(err as Error).message}`);
    }
  },
};
