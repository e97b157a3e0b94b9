export * from './app.config.js';
export * from './database.config.js';
export * from './redis.config.js';
export * from './ingest.config.js';
export * from './validate-config.js';
export * from './imc.config.js';
export * from './xapi.config.js';
export * from './secrets.config.js';
