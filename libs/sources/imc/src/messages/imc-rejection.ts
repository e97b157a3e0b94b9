/**
 * Why an imc message could not be turned into canonical events. The pipeline stores it with the raw bytes in the
 * dead-letter store, so the code is stable (for metrics and filtering) and `field` names what to fix.
 */
export type ImcRejectionCode =
  | 'empty_body'
  | 'unsupported_body'
  | 'body_too_large'
  | 'invalid_utf8'
  | 'invalid_json'
  | 'not_an_object'
  | 'forbidden_key'
  | 'too_deep'
  | 'unsupported_value'
  | 'unknown_topic'
  | 'invalid_program'
  | 'missing_field'
  | 'invalid_field'
  | 'field_too_long';

export interface ImcRejection {
  code: ImcRejectionCode;
  /** The offending field, as named in the imc message (`status`, `metadata[0].__proto__`), or the canonical field. */
  field?: string;
  /** A sentence for the operator reading the dead letter. */
  detail: string;
}

export interface ImcFailure {
  ok: false;
  reason: ImcRejection;
}

export function rejection(code: ImcRejectionCode, detail: string, field?: string): ImcFailure {
  return { ok: false, reason: field === undefined ? { code, detail } : { code, field, detail } };
}

/** Thrown by the field readers and caught at the parser boundary, so each parser reads as a list of fields. */
export class ImcFieldError extends Error {
  constructor(readonly rejection: ImcRejection) {
    super(rejection.detail);
    this.name = 'ImcFieldError';
  }
}
