export * from './canonical-event.js';
export * from './event-id.js';
