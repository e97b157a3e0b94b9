// Public API of the xAPI source: pure, framework-free building blocks of the LRS and the normalizer.
export * from './xapi.constants.js';
export * from './statements/statement.types.js';
export type { ValidationError, Validated } from './statements/validation/validation-issues.js';
export {
  validateStatement,
  validateStatements,
  type ValidateStatementOptions,
  type StatementValidation,
  type StatementsValidation,
} from './statements/validation/statement.validator.js';
export { isUuid, isIri, isIrl, isMailtoIri, isSha2Hex, isMediaType, isXapiVersion } from './statements/formats/identifier.format.js';
export { isLanguageTag } from './statements/formats/language-tag.format.js';
export { isDuration } from './statements/formats/duration.format.js';
export { parseTimestamp, isTimestamp, toUtcTimestamp, type ParsedTimestamp } from './statements/formats/timestamp.format.js';
export { prepareStatement, type PrepareStatementOptions } from './statements/statement.preparer.js';
export { statementsEquivalent } from './statements/statement.comparator.js';
export {
  formatStatement,
  type StatementFormat,
  type CanonicalFormatOptions,
} from './statements/statement.formatter.js';
export { parseAcceptLanguage, pickLanguage, type LanguagePreference } from './statements/accept-language.parser.js';
export { verifyStatementSignature } from './statements/statement-signature.verifier.js';
export {
  extractStatementIndex,
  agentKey,
  isVoidingStatement,
  type StatementIndex,
} from './statements/statement-index.extractor.js';
export {
  parseStatementQuery,
  type QueryInput,
  type StatementQuery,
  type SingleStatementQuery,
  type StatementListQuery,
  type StatementFilter,
  type StatementQueryParse,
  type ParseStatementQueryOptions,
} from './http/statement-query.parser.js';
export {
  parseAlternateRequest,
  ALTERNATE_METHODS,
  type AlternateMethod,
  type AlternateRequest,
  type AlternateRequestInput,
  type AlternateRequestParse,
  type HeaderInput,
} from './http/alternate-request.parser.js';
export { parseStatementWriteQuery, type StatementWriteQueryParse } from './http/statement-write-query.parser.js';
export { parseVersionHeader } from './http/version-header.parser.js';
export { parseMultipartMixed, multipartBoundary, type MultipartPart } from './multipart/multipart-mixed.parser.js';
export { parseStatementMultipart, type AttachmentPart } from './multipart/statement-multipart.parser.js';
export {
  checkAttachmentParts,
  type AttachmentPayload,
  type CheckAttachmentPartsOptions,
} from './multipart/attachment-parts.checker.js';
export {
  buildMultipartMixed,
  buildStatementsMultipart,
  type MultipartMessage,
  type MultipartPartInput,
} from './multipart/multipart-mixed.builder.js';
export {
  normalizeStatement,
  eventTypeForVerb,
  participantId,
  statementActivityId,
  XapiNormalizationError,
  type NormalizeStatementOptions,
} from './normalize/xapi-statement.normalizer.js';
export { IMC_COMPLETED_STATEMENT, IMC_COMPLETED_STATEMENT_JSON } from './fixtures/imc-completed-statement.fixture.js';
export { XapiModule, XapiNormalizerModule, XAPI_ENTITIES } from './xapi.module.js';
export { XapiClientEntity } from './clients/xapi-client.entity.js';
export { XapiTokenEntity } from './oauth/xapi-token.entity.js';
export { XapiStatementEntity } from './lrs/statements/xapi-statement.entity.js';
export { XapiAttachmentEntity } from './lrs/statements/xapi-attachment.entity.js';
export { XapiDocumentEntity } from './lrs/documents/xapi-document.entity.js';
