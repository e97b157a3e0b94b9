import { Inject, Injectable, Logger } from '@nestjs/common';
import { imcConfig, type ImcConfig } from '@hub/config';
import { IMC_TOPICS, resolveImcTopic, type ImcTopic } from '../imc-topics.js';
import { AmqpImcConsumer } from '../transport/amqp/amqp-imc-consumer.js';
import { amqpPlanFor } from '../transport/amqp/amqp-broker-plan.js';
import { ImcConnectionStatus } from '../transport/imc-connection-status.js';
import type { ImcConsumer } from '../transport/imc-consumer.js';
import { ServiceBusImcConsumer } from '../transport/servicebus/servicebus-imc-consumer.js';
import { ImcMetrics } from './imc-metrics.js';

/** Builds the broker profile IMC_BROKER names, from the typed config. */
@Injectable()
export class ImcConsumerFactory {
  private readonly logger = new Logger('ImcConsumer');

  constructor(
    @Inject(imcConfig.KEY) private readonly config: ImcConfig,
    private readonly status: ImcConnectionStatus,
    private readonly metrics: ImcMetrics,
  ) {}

  create(): ImcConsumer {
    const { config } = this;
    const topics = imcTopicsFrom(config.topics);
    const onSettled = (topic: ImcTopic, outcome: string) => this.metrics.settled.inc({ topic, outcome });
    if (config.broker === 'servicebus') {
      return new ServiceBusImcConsumer(
        { connectionString: config.serviceBusConnectionString!, subscription: config.subscription, topics, credit: config.credit, onSettled },
        this.status,
        this.logger,
      );
    }
    const plan = amqpPlanFor(config.broker, { subscription: config.subscription, topics, artemisFqqn: config.artemisFqqn });
    return new AmqpImcConsumer(
      { url: config.amqpUrl!, plan, credit: config.credit, reconnectMinMs: config.reconnectMinMs, reconnectMaxMs: config.reconnectMaxMs, onSettled },
      this.status,
      this.logger,
    );
  }
}

/** IMC_TOPICS as imc topics; a name that is not one of the six stops the start rather than being ignored. */
export function imcTopicsFrom(configured: ImcConfig['topics']): ImcTopic[] {
  if (configured === 'all') return [...IMC_TOPICS];
  const topics = configured.map((name) => {
    const topic = resolveImcTopic(name);
    if (!topic) throw new Error(`IMC_TOPICS: "${name}" is not an imc topic (expected some of ${IMC_TOPICS.join(', ')})`);
    return topic;
  });
  return [...new Set(topics)];
}
