import type { AmqpImcBroker } from './amqp-broker-plan.js';

export interface AmqpEndpoint {
  host: string;
  port: number;
  tls: boolean;
  username?: string;
  password?: string;
  /** The AMQP open frame's hostname: RabbitMQ reads `vhost:<name>` from it. */
  hostname?: string;
  /** For logs and readiness: never the password. */
  display: string;
}

/** `amqp[s]://user:password@host:port[/vhost]`; the path is RabbitMQ's virtual host and ignored elsewhere. */
export function parseAmqpUrl(url: string, broker: AmqpImcBroker): AmqpEndpoint {
  const parsed = new URL(url);
  const tls = parsed.protocol === 'amqps:';
  if (!tls && parsed.protocol !== 'amqp:') throw new Error(`IMC_AMQP_URL: unsupported scheme ${parsed.protocol}`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = parsed.port ? Number(parsed.port) : tls ? 5671 : 5672;
  const vhost = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return {
    host,
    port,
    tls,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    hostname: broker === 'rabbitmq' && vhost ? `vhost:${vhost}` : undefined,
    display: `${parsed.protocol}//${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host}${vhost ? `/${vhost}` : ''}`,
  };
}
