// Public API of the imc source. First the framework-free part (decoding, parsing, normalizing), then the Nest part
// (transport, broker profiles, ingress, course catalogue), which builds on the former.
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
  checkImcMessage,
  normalizeImcMessage,
  type ImcCheckResult,
  type ImcInboundMessage,
  type ImcNormalizeOptions,
  type ImcNormalizeResult,
} from './normalize/imc-message.normalizer.js';

export { courseUpdateFrom, supersedesCourseUpdate, type ImcCourseUpdate } from './catalogue/course-update.js';

// The Nest part: transport, broker profiles, ingress, normalizer and course catalogue.
export { ImcApiModule, ImcWorkerModule } from './imc.module.js';
export { startImcConsumer } from './ingress/start-imc-consumer.js';
export { ImcCourseEntity } from './catalogue/imc-course.entity.js';
export { IMC_TRANSPORT, ImcContext, ImcTransport } from './transport/imc-transport.strategy.js';
export { ImcVerdicts, isImcVerdict, type ImcVerdict } from './transport/imc-verdict.js';
export { rawBodyBytes, rawBodyText, type ImcDelivery } from './transport/imc-delivery.js';
export type { ImcConsumer, ImcDispatch } from './transport/imc-consumer.js';
export { ImcConnectionStatus, type ImcConnectionSnapshot, type ImcConnectionState } from './transport/imc-connection-status.js';
export { amqpPlanFor, imcSubscriptionQueue, type AmqpBrokerPlan, type AmqpImcBroker } from './transport/amqp/amqp-broker-plan.js';
export { amqpSettlementFor } from './transport/amqp/amqp-settlement.js';
export { AmqpImcConsumer } from './transport/amqp/amqp-imc-consumer.js';
export { topUpCredit } from './transport/amqp/credit-top-up.js';
export { imcRabbitMqDefinitions, type RabbitMqDefinitions } from './transport/amqp/rabbitmq-definitions.js';
export {
  ServiceBusImcConsumer,
  type ServiceBusClientFactory,
  type ServiceBusClientLike,
  type ServiceBusReceiverLike,
} from './transport/servicebus/servicebus-imc-consumer.js';
export { serviceBusSettlementFor } from './transport/servicebus/servicebus-settlement.js';
