import { registerAs } from '@nestjs/config';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

export const IMC_BROKERS = ['artemis', 'activemq', 'rabbitmq', 'servicebus'] as const;
export type ImcBroker = (typeof IMC_BROKERS)[number];

class ImcEnv {
  /** amqp:// or amqps:// URL of Artemis, ActiveMQ or RabbitMQ, credentials included. Empty: no AMQP consumer. */
  @IsOptional() @IsString() @Matches(/^(amqps?:\/\/.+)?$/, { message: 'IMC_AMQP_URL must be an amqp:// or amqps:// URL' })
  IMC_AMQP_URL?: string;

  /** Empty: servicebus when only the Service Bus connection string is set, else artemis. */
  @IsOptional() @IsIn(['', ...IMC_BROKERS])
  IMC_BROKER?: string;

  @IsOptional() @IsString()
  IMC_SERVICEBUS_CONNECTION_STRING?: string;

  /** The hub's subscription: Artemis/ActiveMQ client id, RabbitMQ queue prefix, Service Bus subscription name. */
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, { message: 'IMC_SUBSCRIPTION must be 1 to 50 letters, digits, ".", "_" or "-"' })
  IMC_SUBSCRIPTION: string = 'learning-hub';

  @IsString() @Matches(/^\S{1,25}$/, { message: 'IMC_PROGRAM_ID must be 1 to 25 characters without spaces' })
  IMC_PROGRAM_ID: string = 'IMC';

  /** Comma-separated; empty means all six. The imc module refuses names that are not imc topics. */
  @IsOptional() @IsString() @MaxLength(1000)
  IMC_TOPICS?: string;

  /** Unsettled messages per topic link (AMQP link credit; Service Bus concurrent calls): bounds memory and redeliveries. */
  @IsInt() @Min(1) @Max(1000)
  IMC_CREDIT: number = 200;

  /** Artemis only: read the pre-created queue `<topic>::<IMC_SUBSCRIPTION>.<topic>` (FQQN) so worker replicas share it. */
  @IsBoolean()
  IMC_ARTEMIS_FQQN: boolean = false;

  /** Reconnect backoff: first delay and cap. */
  @IsInt() @Min(50) @Max(60_000)
  IMC_RECONNECT_MIN_MS: number = 500;

  @IsInt() @Min(100) @Max(600_000)
  IMC_RECONNECT_MAX_MS: number = 30_000;
}

export interface ImcConfig {
  /** False without IMC_AMQP_URL and without IMC_SERVICEBUS_CONNECTION_STRING: the consumer stays off. */
  enabled: boolean;
  broker: ImcBroker;
  amqpUrl?: string;
  serviceBusConnectionString?: string;
  subscription: string;
  programId: string;
  /** As configured (names not yet checked against the imc topic list). */
  topics: string[] | 'all';
  credit: number;
  artemisFqqn: boolean;
  reconnectMinMs: number;
  reconnectMaxMs: number;
}

/** `true`/`false` only: implicit conversion would read any non-empty string, "no" included, as true. */
function booleanFromEnv(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`Invalid configuration:\n  IMC_ARTEMIS_FQQN must be true or false, not "${value}"`);
}

const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

export function resolveImcBroker(explicit: string | undefined, amqpUrl: string | undefined, connectionString: string | undefined): ImcBroker {
  if (explicit) return explicit as ImcBroker;
  return connectionString && !amqpUrl ? 'servicebus' : 'artemis';
}

export const imcConfig = registerAs('imc', (): ImcConfig => {
  const env = validateConfig(ImcEnv, {
    ...process.env,
    IMC_ARTEMIS_FQQN: booleanFromEnv(process.env.IMC_ARTEMIS_FQQN),
  });
  const amqpUrl = blankToUndefined(env.IMC_AMQP_URL);
  const serviceBusConnectionString = blankToUndefined(env.IMC_SERVICEBUS_CONNECTION_STRING);
  const broker = resolveImcBroker(blankToUndefined(env.IMC_BROKER), amqpUrl, serviceBusConnectionString);
  const enabled = Boolean(amqpUrl ?? serviceBusConnectionString);
  if (enabled && broker === 'servicebus' && !serviceBusConnectionString) {
    throw new Error('Invalid configuration:\n  IMC_BROKER=servicebus needs IMC_SERVICEBUS_CONNECTION_STRING');
  }
  if (enabled && broker !== 'servicebus' && !amqpUrl) {
    throw new Error(`Invalid configuration:\n  IMC_BROKER=${broker} needs IMC_AMQP_URL`);
  }
  if (env.IMC_RECONNECT_MAX_MS < env.IMC_RECONNECT_MIN_MS) {
    throw new Error('Invalid configuration:\n  IMC_RECONNECT_MAX_MS must not be below IMC_RECONNECT_MIN_MS');
  }
  const topics = (env.IMC_TOPICS ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  return {
    enabled,
    broker,
    amqpUrl,
    serviceBusConnectionString,
    subscription: env.IMC_SUBSCRIPTION,
    programId: env.IMC_PROGRAM_ID,
    topics: topics.length === 0 ? 'all' : topics,
    credit: env.IMC_CREDIT,
    artemisFqqn: env.IMC_ARTEMIS_FQQN,
    reconnectMinMs: env.IMC_RECONNECT_MIN_MS,
    reconnectMaxMs: env.IMC_RECONNECT_MAX_MS,
  };
});
