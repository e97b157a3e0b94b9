export * from './hub-api.module.js';
export * from './events/lb-event-types.js';
export * from './events/lb-event.mapper.js';
