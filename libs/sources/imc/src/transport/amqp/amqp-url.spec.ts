import { parseAmqpUrl } from './amqp-url.js';

describe('parseAmqpUrl', () => {
  it('reads host, port, credentials and keeps the password out of the display form', () => {
    expect(parseAmqpUrl('amqp://hub:s%40cret@broker.local:61616', 'artemis')).toEqual({
      host: 'broker.local',
      port: 61616,
      tls: false,
      username: 'hub',
      password: 's@cret',
      hostname: undefined,
      display: 'amqp://hub@broker.local:61616',
    });
  });

  it('defaults the port per scheme and turns the path into a RabbitMQ vhost', () => {
    expect(parseAmqpUrl('amqps://broker/imc', 'rabbitmq')).toMatchObject({ port: 5671, tls: true, hostname: 'vhost:imc', display: 'amqps://broker/imc' });
    expect(parseAmqpUrl('amqp://broker/imc', 'artemis').hostname).toBeUndefined();
  });
});
