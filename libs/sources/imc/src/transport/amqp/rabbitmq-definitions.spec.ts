import { IMC_TOPIC } from '../../imc-topics.js';
import { imcRabbitMqDefinitions } from './rabbitmq-definitions.js';

describe('imcRabbitMqDefinitions', () => {
  it('declares one durable queue per topic, bound to amq.topic by the topic name, named as the consumer reads it', () => {
    const definitions = imcRabbitMqDefinitions({ subscription: 'learning-hub', topics: [IMC_TOPIC.login] });
    expect(definitions).toEqual({
      queues: [{ name: 'learning-hub.de.imc.ils_login', vhost: '/', durable: true, auto_delete: false, arguments: {} }],
      bindings: [{ source: 'amq.topic', vhost: '/', destination: 'learning-hub.de.imc.ils_login', destination_type: 'queue', routing_key: 'de.imc.ils_login', arguments: {} }],
    });
  });

  it('covers all six topics by default', () => {
    expect(imcRabbitMqDefinitions({ subscription: 'hub' }).queues).toHaveLength(6);
  });
});
