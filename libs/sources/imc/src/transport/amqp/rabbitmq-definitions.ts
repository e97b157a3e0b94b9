import { IMC_TOPICS, type ImcTopic } from '../../imc-topics.js';
import { imcSubscriptionQueue } from './amqp-broker-plan.js';

export interface RabbitMqDefinitions {
  queues: { name: string; vhost: string; durable: true; auto_delete: false; arguments: Record<string, unknown> }[];
  bindings: { source: string; vhost: string; destination: string; destination_type: 'queue'; routing_key: string; arguments: Record<string, unknown> }[];
}

/**
 * What RabbitMQ needs before the hub can subscribe: per topic a durable queue `<subscription>.<topic>` bound to
 * `amq.topic` with the topic as routing key (imc, or a bridge, publishes to `/topic/<topic>` or
 * `/exchange/amq.topic/<topic>`). RabbitMQ 3.x cannot declare these over AMQP 1.0, so they come from a definitions
 * file (`load_definitions` in rabbitmq.conf, or `rabbitmqctl import_definitions`, or the management UI).
 */
export function imcRabbitMqDefinitions(options: { subscription: string; topics?: readonly ImcTopic[]; vhost?: string; queueArguments?: Record<string, unknown> }): RabbitMqDefinitions {
  const vhost = options.vhost ?? '/';
  const topics = options.topics ?? IMC_TOPICS;
  return {
    queues: topics.map((topic) => ({
      name: imcSubscriptionQueue(options.subscription, topic),
      vhost,
      durable: true,
      auto_delete: false,
      arguments: { ...(options.queueArguments ?? {}) },
    })),
    bindings: topics.map((topic) => ({
      source: 'amq.topic',
      vhost,
      destination: imcSubscriptionQueue(options.subscription, topic),
      destination_type: 'queue',
      routing_key: topic,
      arguments: {},
    })),
  };
}
