import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { appConfig } from '@hub/config';
import { ProblemDetailsFilter, registerRequestLog } from '@hub/observability';
import { startImcConsumer } from '@hub/sources/imc';
import { WorkerModule } from './worker.module.js';

process.env.HUB_PROCESS_ROLE = 'worker';
const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, new FastifyAdapter(), { bufferLogs: true });
app.useLogger(app.get(Logger));
registerRequestLog(app);
app.useGlobalFilters(new ProblemDetailsFilter());
app.enableShutdownHooks();
const { workerHealthPort, host } = appConfig();
await app.listen(workerHealthPort, host);
// The imc queue consumer, when IMC_AMQP_URL or IMC_SERVICEBUS_CONNECTION_STRING is set.
await startImcConsumer(app);
