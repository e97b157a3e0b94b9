export * from './admin.module.js';
export * from './admin-http.js';
