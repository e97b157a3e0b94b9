export * from './embedded-postgres.js';
export * from './redis-server.js';
export * from './rabbitmq-server.js';
export * from './imc-publisher.js';
