import { IMC_TOPIC } from '../../imc-topics.js';
import { amqpPlanFor } from './amqp-broker-plan.js';

const topics = [IMC_TOPIC.login, IMC_TOPIC.registrations];
const options = { subscription: 'learning-hub', topics, instanceId: 'host-1' };

describe('amqpPlanFor', () => {
  it('artemis: durable link subscriptions named by container id and link name, on the topic capability', () => {
    const plan = amqpPlanFor('artemis', options);
    expect(plan.containerId).toBe('learning-hub');
    expect(plan.supportsModified).toBe(true);
    expect(plan.links[0]).toEqual({
      topic: IMC_TOPIC.login,
      name: 'de.imc.ils_login',
      source: { address: 'de.imc.ils_login', capabilities: ['topic'], durable: 2, expiry_policy: 'never' },
    });
  });

  it('artemis with FQQN: the pre-created queue <topic>::<subscription>.<topic>, shared by replicas with their own container ids', () => {
    const plan = amqpPlanFor('artemis', { ...options, artemisFqqn: true });
    expect(plan.containerId).toBe('learning-hub-host-1');
    expect(plan.links[1].source).toEqual({ address: 'de.imc.ils_registrations::learning-hub.de.imc.ils_registrations', capabilities: ['queue'] });
  });

  it('activemq: topic:// addresses with durable link subscriptions', () => {
    const plan = amqpPlanFor('activemq', options);
    expect(plan.containerId).toBe('learning-hub');
    expect(plan.links[0].source).toEqual({ address: 'topic://de.imc.ils_login', durable: 2, expiry_policy: 'never' });
  });

  it('rabbitmq: the durable queues <subscription>.<topic> read from /amq/queue/, and no modified outcome', () => {
    const plan = amqpPlanFor('rabbitmq', options);
    expect(plan.supportsModified).toBe(false);
    expect(plan.links.map((l) => l.source.address)).toEqual(['/amq/queue/learning-hub.de.imc.ils_login', '/amq/queue/learning-hub.de.imc.ils_registrations']);
    expect(new Set(plan.links.map((l) => l.name)).size).toBe(2);
  });
});
