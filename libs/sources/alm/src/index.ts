// The ALM webhook source. The pure, framework-free parts (time, ids, events, delivery, normalize, catalogue
// updates, security) touch no HTTP, database or process.env; the Nest parts (webhooks, deliveries, ingress,
// catalogue persistence, the worker's normalizer) call them and are wired by AlmModule / AlmNormalizerModule.

export * from './time/alm-timestamp.js';
export * from './ids/alm-ids.js';
export * from './events/alm-event-catalogue.js';
export type * from './delivery/alm-delivery.types.js';
export { parseAlmDelivery, ALM_MAX_NESTING_DEPTH } from './delivery/parse-alm-delivery.js';
export { removeTrailingCommas, maxNestingDepth, parseJsonLeniently } from './delivery/lenient-json.js';
export { sanitizeJson, isJsonObject, POLLUTING_KEYS } from './delivery/safe-json-tree.js';
export type { JsonValue, JsonObject, SanitizedJson } from './delivery/safe-json-tree.js';
export * from './normalize/normalize-alm-delivery.js';
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
export * from './alm.module.js';
export * from './webhooks/alm-webhook.entity.js';
export * from './deliveries/alm-webhook-delivery.entity.js';
export * from './catalogue/alm-learning-object.entity.js';
export * from './catalogue/alm-learning-object-instance.entity.js';
