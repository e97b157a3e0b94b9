// The RabbitMQ test broker lives in the dev stack, so the benchmark (built into dist/) can start it too.
export * from '../../libs/dev-stack/src/rabbitmq-server.js';
