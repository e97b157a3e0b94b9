export * from './canonical-event.js';
export * from './event-id.js';
export * from './event-store.module.js';
export * from './events/learning-event.entity.js';
export * from './events/event.repository.js';
export * from './events/event-query.js';
export * from './events/feed-cursor.js';
export * from './events/database-errors.js';
