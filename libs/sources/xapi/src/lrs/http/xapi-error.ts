import type { ValidationError } from '../../statements/validation/validation-issues.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every xAPI error body: JSON (the xAPI specification asks for a message, not a format), never problem+json. */
export interface XapiErrorBody {
  status: number;
  error: string;
  message: string;
  /** For validation failures: each offending field, with a path into the submitted JSON or the parameter name. */
  errors?: ValidationError[];
}

export const XAPI_CHALLENGE = ['Basic realm="learning-hub-xapi", charset="UTF-8"', 'Bearer realm="learning-hub-xapi"'];

/** An LRS error; ProblemDetailsFilter sends it in its own format through toResponse(). */
export class XapiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: ValidationError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'XapiError';
  }

  static badRequest(message: string, errors: ValidationError[] = []): XapiError {
    return new XapiError(400, message, errors);
  }

  static unauthorized(message = 'Authentication is required: Authorization: Bearer <token from /igs/oauth/accesstoken>, or Basic with client id and secret'): XapiError {
    return new XapiError(401, message, [], { 'WWW-Authenticate': XAPI_CHALLENGE.join(', ') });
  }

  static notFound(message: string): XapiError {
    return new XapiError(404, message);
  }

  static methodNotAllowed(method: string, allowed: readonly string[]): XapiError {
    return new XapiError(405, `${method} is not a method of this resource`, [], { Allow: allowed.join(', ') });
  }

  toResponse(): { status: number; headers: Record<string, string>; body: XapiErrorBody; contentType: string } {
    return { status: this.status, headers: this.headers, body: xapiErrorBody(this.status, this.message, this.errors), contentType: 'application/json' };
  }
}

export function xapiErrorBody(status: number, message: string, errors: ValidationError[] = []): XapiErrorBody {
  return { status, error: TITLES[status] ?? 'Error', message, ...(errors.length > 0 ? { errors } : {}) };
}
