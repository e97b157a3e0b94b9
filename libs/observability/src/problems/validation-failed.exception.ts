import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** A 400 that names every offending field; rendered as problem+json by ProblemDetailsFilter. */
export class ValidationFailedException extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldError[],
    detail = 'The request failed validation',
  ) {
    super(detail);
  }
}

/** Flattens class-validator errors into `field: message` pairs, with nested paths (`a.b`, `[2].c`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}
