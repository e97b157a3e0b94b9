import { imcConfig } from './imc.config.js';

function withEnv(vars: Record<string, string | undefined>, read: () => unknown): unknown {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('IMC_')) delete process.env[key];
  Object.assign(process.env, vars);
  try {
    return read();
  } finally {
    process.env = saved;
  }
}

describe('imcConfig', () => {
  it('stays off without an AMQP URL or a Service Bus connection string, blank values included', () => {
    expect(withEnv({ IMC_AMQP_URL: '', IMC_SERVICEBUS_CONNECTION_STRING: ' ' }, imcConfig)).toMatchObject({
      enabled: false,
      broker: 'artemis',
      programId: 'IMC',
      subscription: 'learning-hub',
      topics: 'all',
    });
  });

  it('reads an AMQP broker with its options', () => {
    const config = withEnv(
      { IMC_AMQP_URL: 'amqp://hub:secret@broker:5672', IMC_BROKER: 'rabbitmq', IMC_TOPICS: 'de.imc.ils_login, de.imc.ils_registrations', IMC_CREDIT: '10', IMC_ARTEMIS_FQQN: 'false' },
      imcConfig,
    );
    expect(config).toMatchObject({ enabled: true, broker: 'rabbitmq', credit: 10, artemisFqqn: false, topics: ['de.imc.ils_login', 'de.imc.ils_registrations'] });
  });

  it('infers servicebus when only the connection string is set', () => {
    expect(withEnv({ IMC_SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=s' }, imcConfig)).toMatchObject({
      enabled: true,
      broker: 'servicebus',
    });
  });

  it('refuses a broker without its connection setting, and unknown brokers', () => {
    expect(() => withEnv({ IMC_BROKER: 'servicebus', IMC_AMQP_URL: 'amqp://broker' }, imcConfig)).toThrow(/IMC_SERVICEBUS_CONNECTION_STRING/);
    expect(() => withEnv({ IMC_BROKER: 'kafka', IMC_AMQP_URL: 'amqp://broker' }, imcConfig)).toThrow(/IMC_BROKER/);
    expect(() => withEnv({ IMC_AMQP_URL: 'http://broker' }, imcConfig)).toThrow(/IMC_AMQP_URL/);
  });

  it('reads IMC_ARTEMIS_FQQN as true or false and refuses anything else', () => {
    expect(withEnv({ IMC_AMQP_URL: 'amqp://broker', IMC_ARTEMIS_FQQN: 'true' }, imcConfig)).toMatchObject({ artemisFqqn: true });
    expect(() => withEnv({ IMC_AMQP_URL: 'amqp://broker', IMC_ARTEMIS_FQQN: 'yes' }, imcConfig)).toThrow(/IMC_ARTEMIS_FQQN/);
  });
});
