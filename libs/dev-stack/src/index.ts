export * from './embedded-postgres.js';
export * from './redis-server.js';
