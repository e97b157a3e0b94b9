import { hostname } from 'node:os';
import type { Source } from 'rhea';
import type { ImcTopic } from '../../imc-topics.js';

export type AmqpImcBroker = 'artemis' | 'activemq' | 'rabbitmq';

export interface AmqpLinkPlan {
  topic: ImcTopic;
  /** The link name; with the container id it names a durable subscription on Artemis and ActiveMQ. */
  name: string;
  source: Source;
}

/** How the hub attaches to one broker: container id, one receiver link per topic, and which outcomes it may use. */
export interface AmqpBrokerPlan {
  broker: AmqpImcBroker;
  containerId: string;
  links: AmqpLinkPlan[];
  /**
   * Whether the broker takes the `modified` outcome. RabbitMQ 3.x's AMQP 1.0 plugin ends the session on it
   * (measured: "Unrecognised state: v1_0.modified"), so there a retry is always `released`.
   */
  supportsModified: boolean;
}

export interface AmqpPlanOptions {
  subscription: string;
  topics: readonly ImcTopic[];
  /** Artemis: read pre-created queues by FQQN instead of durable link subscriptions. */
  artemisFqqn?: boolean;
  /** For container ids that only need to be unique (defaults to host and pid). */
  instanceId?: string;
}

// Terminus durability (AMQP 1.0 part 3.5.5): 2 = unsettled-state, the strongest; expiry "never" keeps it while detached.
const DURABLE_UNSETTLED_STATE = 2;

/**
 * The queue that holds the hub's copy of one topic: `<subscription>.<topic>`. Artemis names a durable link
 * subscription `<container id>.<link name>`, which is the same name, so both Artemis modes and RabbitMQ use one
 * naming scheme.
 */
export function imcSubscriptionQueue(subscription: string, topic: ImcTopic): string {
  return `${subscription}.${topic}`;
}

export function amqpPlanFor(broker: AmqpImcBroker, options: AmqpPlanOptions): AmqpBrokerPlan {
  const { subscription, topics } = options;
  const instance = options.instanceId ?? `${hostname()}-${process.pid}`;
  switch (broker) {
    case 'artemis':
      if (options.artemisFqqn) {
        // Several worker replicas share each pre-created queue as competing consumers; container ids need only be unique.
        return {
          broker,
          containerId: `${subscription}-${instance}`,
          supportsModified: true,
          links: topics.map((topic) => ({
            topic,
            name: imcSubscriptionQueue(subscription, topic),
            source: { address: `${topic}::${imcSubscriptionQueue(subscription, topic)}`, capabilities: ['queue'] },
          })),
        };
      }
      // A durable subscription queue named `<container id>.<link name>`, kept while we are detached.
      return {
        broker,
        containerId: subscription,
        supportsModified: true,
        links: topics.map((topic) => ({
          topic,
          name: topic,
          source: { address: topic, capabilities: ['topic'], durable: DURABLE_UNSETTLED_STATE, expiry_policy: 'never' },
        })),
      };
    case 'activemq':
      // ActiveMQ Classic: client id = container id, subscription name = link name.
      return {
        broker,
        containerId: subscription,
        supportsModified: true,
        links: topics.map((topic) => ({
          topic,
          name: topic,
          source: { address: `topic://${topic}`, durable: DURABLE_UNSETTLED_STATE, expiry_policy: 'never' },
        })),
      };
    case 'rabbitmq':
      // RabbitMQ 3.x keeps no link-level durable subscriptions: durable queues bound to amq.topic are read directly.
      return {
        broker,
        containerId: `${subscription}-${instance}`,
        supportsModified: false,
        links: topics.map((topic) => ({
          topic,
          name: imcSubscriptionQueue(subscription, topic),
          source: { address: `/amq/queue/${imcSubscriptionQueue(subscription, topic)}` },
        })),
      };
  }
}
