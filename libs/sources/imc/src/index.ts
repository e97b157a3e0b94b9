// Public API of the imc source: the framework-free part (decoding, parsing, normalizing). The Nest transport,
// broker profiles and wiring live beside it and use only what is exported here.
export { IMC_TOPIC, IMC_TOPICS, IMC_TOPIC_KIND, resolveImcTopic, type ImcTopic } from './imc-topics.js';

export { decodeImcBody, IMC_MAX_BODY_BYTES, type ImcBodyDecodeResult } from './messages/imc-body.decoder.js';
export type { JsonObject, JsonValue } from './messages/json-value.js';
export type { ImcFailure, ImcRejection, ImcRejectionCode } from './messages/imc-rejection.js';
export { canonicalBodyHash, canonicalJson } from './messages/canonical-json.js';
export {
  epochMillisFromImcTimestamp,
  parseImcCalendarDate,
  parseImcDateTime,
} from './messages/imc-time.js';
export {
  IMC_REGISTRATION_STATUSES,
  registrationStatusFrom,
  type ImcLearnerStatus,
  type ImcRegistrationStatus,
  type ImcStatusDefinition,
} from './messages/registration-status.js';
export type {
  ImcCourseChange,
  ImcLogin,
  ImcMessage,
  ImcMessageKind,
  ImcRecertDueDateChange,
  ImcRegistrationChange,
} from './messages/imc-message.types.js';
export type { ImcParseResult } from './messages/parse-result.js';
export { parseImcMessage } from './messages/imc-message.parser.js';
export { parseImcLogin } from './messages/login.parser.js';
export { parseImcCourseChange } from './messages/course-change.parser.js';
export { parseImcRegistrationChange } from './messages/registration-change.parser.js';
export { parseImcRecertDueDateChange } from './messages/recert-due-date-change.parser.js';

export { IMC_EVENT_CATEGORIES, IMC_EVENT_TYPES, imcEventTypeOf, type ImcEventType } from './normalize/imc-event-types.js';
export { imcPublisherEventId } from './normalize/imc-publisher-event-id.js';
export {
  normalizeImcMessage,
  type ImcInboundMessage,
  type ImcNormalizeOptions,
  type ImcNormalizeResult,
} from './normalize/imc-message.normalizer.js';

export { courseUpdateFrom, supersedesCourseUpdate, type ImcCourseUpdate } from './catalogue/course-update.js';
