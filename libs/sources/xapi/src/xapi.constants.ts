/** The xAPI version this LRS implements; sent in every `X-Experience-API-Version` response header. */
export const XAPI_VERSION = '1.0.3';

/** The Statement `version` an LRS sets when a Statement arrives without one (Data 2.4.10.s3.b3). */
export const STATEMENT_DEFAULT_VERSION = '1.0.0';

/** The one reserved Verb of xAPI (Data 2.3.2). */
export const VOIDED_VERB_ID = 'http://adlnet.gov/expapi/verbs/voided';

/** The Verb the imc partner sends for a finished external course (seed, section 3.6). */
export const COMPLETED_VERB_ID = 'http://adlnet.gov/expapi/verbs/completed';

/** usageType of a JWS signature attachment (Data 2.6.s4.b1). */
export const SIGNATURE_USAGE_TYPE = 'http://adlnet.gov/expapi/attachments/signature';

/** contentType a signature attachment must carry (Data 2.6.s4.b1). */
export const SIGNATURE_CONTENT_TYPE = 'application/octet-stream';

/** Multipart part header that names the attachment a part belongs to (Communication 1.5.2). */
export const ATTACHMENT_HASH_HEADER = 'X-Experience-API-Hash';

/**
 * Pipeline context: the ids (comma-separated) of Statements the LRS stored as voided because their voiding Statement
 * came first. The normalizer marks their events, so their learner facts never count.
 */
export const VOIDED_ON_ARRIVAL_CONTEXT = 'voidedOnArrival';
