export * from './metrics/hub-metrics.js';
export * from './metrics/metrics.module.js';
export * from './logging/logging.module.js';
export * from './problems/problem-details.js';
export * from './problems/problem-details.filter.js';
export * from './problems/validation-failed.exception.js';
export * from './health/health.module.js';
export * from './http/body-parsers.js';
