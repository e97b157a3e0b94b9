// Pure, framework-free parts of the ALM webhook source. The Nest controller, admin routes and persistence
// live beside these and call them; nothing here touches HTTP, a database or process.env.

export * from './time/alm-timestamp.js';
export * from './ids/alm-ids.js';
export * from './events/alm-event-catalogue.js';
export type * from './delivery/alm-delivery.types.js';
export { parseAlmDelivery, ALM_MAX_NESTING_DEPTH } from './delivery/parse-alm-delivery.js';
export { removeTrailingCommas, maxNestingDepth, parseJsonLeniently } from './delivery/lenient-json.js';
export { sanitizeJson, isJsonObject, POLLUTING_KEYS } from './delivery/safe-json-tree.js';
export type { JsonValue, JsonObject, SanitizedJson } from './delivery/safe-json-tree.js';
export * from './normalize/normalize-alm-delivery.js';
export * from './learner/alm-learner-change.js';
export type * from './catalogue/catalogue-update.types.js';
export * from './catalogue/catalogue-updates.js';
export * from './security/alm-signature.js';
export * from './security/detect-signature-scheme.js';
export * from './security/basic-auth.js';
export * from './security/password-hash.js';
export * from './security/secret-box.js';
export * from './security/delivery-header-summary.js';
export { constantTimeEqual } from './security/constant-time-equal.js';
export type { HttpHeaders } from './security/header-value.js';
