export * from './data-source-options.js';
export * from './migrations/index.js';
export * from './database.module.js';
