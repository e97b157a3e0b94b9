import 'reflect-metadata';
import { appConfig, ingestConfig } from '@hub/config';
import { createApiApp } from './create-api-app.js';

process.env.HUB_PROCESS_ROLE = 'api';
const app = await createApiApp({ bodyLimitBytes: ingestConfig().bodyLimitBytes });
const { port, host } = appConfig();
await app.listen(port, host);
