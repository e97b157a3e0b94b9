import { IMC_TOPIC } from '../imc-topics.js';
import { ImcConnectionStatus } from './imc-connection-status.js';

describe('ImcConnectionStatus', () => {
  const topics = [IMC_TOPIC.login, IMC_TOPIC.registrations];

  it('is disabled until configured, then connecting, degraded while links attach, connected once all are', () => {
    const status = new ImcConnectionStatus();
    expect(status.snapshot().state).toBe('disabled');
    status.configure('rabbitmq', 'amqp://127.0.0.1:5672', topics);
    expect(status.snapshot()).toMatchObject({ state: 'connecting', broker: 'rabbitmq', links: { [IMC_TOPIC.login]: false } });
    status.connectionUp();
    expect(status.snapshot().state).toBe('degraded');
    status.link(IMC_TOPIC.login, true);
    status.link(IMC_TOPIC.registrations, true);
    expect(status.snapshot().state).toBe('connected');
    status.link(IMC_TOPIC.login, false, 'queue not found');
    expect(status.snapshot()).toMatchObject({ state: 'degraded', lastError: 'queue not found' });
  });

  it('drops every link with the connection and counts reconnects', () => {
    const status = new ImcConnectionStatus();
    status.configure('artemis', 'amqp://broker:5672', topics);
    status.connectionUp();
    status.link(IMC_TOPIC.login, true);
    status.connectionLost('reconnecting', 'ECONNRESET');
    expect(status.snapshot()).toMatchObject({ state: 'reconnecting', reconnects: 1, lastError: 'ECONNRESET', links: { [IMC_TOPIC.login]: false } });
    status.link(IMC_TOPIC.login, true);
    expect(status.snapshot().state).toBe('reconnecting');
  });
});
