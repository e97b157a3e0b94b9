import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { validateStatement } from '../statements/validation/statement.validator.js';
import { normalizeStatement, XapiNormalizationError } from './xapi-statement.normalizer.js';

/**
 * Worker side of the xAPI source: the payload is the JSON array of Statements as the LRS stored them. Each is
 * validated again (a replayed dead letter may carry anything) and becomes one canonical event.
 */
@Injectable()
export class XapiNormalizer implements SourceNormalizer, OnModuleInit {
  readonly source = 'XAPI' as const;

  constructor(private readonly registry: NormalizerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  normalize(payload: IngestPayload): CanonicalEvent[] {
    let body: unknown;
    try {
      body = JSON.parse(payload.body);
    } catch {
      throw new UnprocessablePayloadError('The payload is not JSON');
    }
    if (!Array.isArray(body)) throw new UnprocessablePayloadError('The payload is not an array of stored Statements');
    return body.map((item, index) => {
      const validated = validateStatement(item, { path: `[${index}]` });
      if (!validated.ok) throw new UnprocessablePayloadError(validated.errors.map((e) => `${e.path}: ${e.message}`).join('; '), validated.errors[0]?.path);
      try {
        return normalizeStatement(validated.statement, { programId: payload.programId });
      } catch (err) {
        if (err instanceof XapiNormalizationError) throw new UnprocessablePayloadError(`[${index}]: ${err.message}`);
        throw err;
      }
    });
  }
}
