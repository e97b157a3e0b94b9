import { Logger, type INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { imcConfig, type ImcConfig } from '@hub/config';
import { ImcTransport } from '../transport/imc-transport.strategy.js';
import { ImcIngressService } from './imc-ingress.service.js';

/**
 * Runs the imc transport in a worker process when IMC_AMQP_URL or IMC_SERVICEBUS_CONNECTION_STRING is set: creates
 * IMC_PROGRAM_ID when missing, then connects. A broker that is away does not fail the start (the consumer retries
 * and readiness shows it); an invalid imc configuration does.
 */
export async function startImcConsumer(app: INestApplication): Promise<boolean> {
  const config = app.get<ImcConfig>(imcConfig.KEY);
  const logger = new Logger('ImcConsumer');
  if (!config.enabled) {
    logger.log('imc consumer off (set IMC_AMQP_URL or IMC_SERVICEBUS_CONNECTION_STRING to start it)');
    return false;
  }
  await app.get(ImcIngressService).prepare();
  app.connectMicroservice<MicroserviceOptions>({ strategy: app.get(ImcTransport) });
  await app.startAllMicroservices();
  return true;
}
