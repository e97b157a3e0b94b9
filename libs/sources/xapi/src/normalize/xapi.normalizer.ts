import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { CanonicalEvent } from '@hub/event-store';
import { NormalizerRegistry, UnprocessablePayloadError, type IngestPayload, type SourceNormalizer } from '@hub/pipeline';
import { StatementRepository } from '../lrs/statements/statement.repository.js';
import { isVoidingStatement } from '../statements/statement-index.extractor.js';
import type { Statement, StatementRef } from '../statements/statement.types.js';
import { validateStatement } from '../statements/validation/statement.validator.js';
import { VOIDED_ON_ARRIVAL_CONTEXT } from '../xapi.constants.js';
import { markedVoidedOnArrival, normalizeStatement, withVoidedEvent, XapiNormalizationError } from './xapi-statement.normalizer.js';

/**
 * Worker side of the xAPI source: the payload is the JSON array of Statements as the LRS stored them. Each is
 * validated again (a replayed dead letter may carry anything) and becomes one canonical event. A voiding Statement's
 * event also carries the event of the Statement it voids, looked up in the LRS (one query per payload that voids
 * anything), so that the learner record of the voided Statement can take it back; a Statement the LRS stored as
 * voided (the API says which, in the payload's context) is marked so that it never counts.
 */
@Injectable()
export class XapiNormalizer implements SourceNormalizer, OnModuleInit {
  readonly source = 'XAPI' as const;
  private readonly logger = new Logger(XapiNormalizer.name);

  constructor(
    private readonly registry: NormalizerRegistry,
    private readonly statements: StatementRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  normalize(payload: IngestPayload): CanonicalEvent[] | Promise<CanonicalEvent[]> {
    let body: unknown;
    try {
      body = JSON.parse(payload.body);
    } catch {
      throw new UnprocessablePayloadError('The payload is not JSON');
    }
    if (!Array.isArray(body)) throw new UnprocessablePayloadError('The payload is not an array of stored Statements');
    const statements = body.map((item, index) => {
      const validated = validateStatement(item, { path: `[${index}]` });
      if (!validated.ok) throw new UnprocessablePayloadError(validated.errors.map((e) => `${e.path}: ${e.message}`).join('; '), validated.errors[0]?.path);
      return validated.statement;
    });
    const voidedOnArrival = new Set(payload.context?.[VOIDED_ON_ARRIVAL_CONTEXT]?.split(',') ?? []);
    const events = statements.map((statement, index) => {
      try {
        const event = normalizeStatement(statement, { programId: payload.programId });
        return voidedOnArrival.has(event.PublisherEventId) && !isVoidingStatement(statement) ? markedVoidedOnArrival(event) : event;
      } catch (err) {
        if (err instanceof XapiNormalizationError) throw new UnprocessablePayloadError(`[${index}]: ${err.message}`);
        throw err;
      }
    });
    return statements.some(isVoidingStatement) ? this.withVoidedEvents(payload.programId, statements, events) : events;
  }

  private async withVoidedEvents(programId: string, statements: Statement[], events: CanonicalEvent[]): Promise<CanonicalEvent[]> {
    const targetOf = (statement: Statement) => (statement.object as StatementRef).id.toLowerCase();
    const stored = await this.statements.findMany(programId, [...new Set(statements.filter(isVoidingStatement).map(targetOf))]);
    return events.map((event, index) => {
      const statement = statements[index] as Statement;
      if (!isVoidingStatement(statement)) return event;
      const target = stored.get(targetOf(statement));
      // The LRS accepts a void of a Statement it does not hold (yet); the learner records then have nothing to take back.
      const withTarget = target === undefined ? null : withVoidedEvent(event, JSON.parse(target) as Statement, { programId });
      if (withTarget === null) this.logger.debug({ statementId: event.PublisherEventId }, 'voided Statement not in the LRS; no learner record to update');
      return withTarget ?? event;
    });
  }
}
