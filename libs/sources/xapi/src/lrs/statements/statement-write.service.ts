import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AcceptService, PipelineUnavailableError } from '@hub/pipeline';
import { clientAuthority } from '../../auth/xapi-principal.js';
import { parseStatementWriteQuery } from '../../http/statement-write-query.parser.js';
import { checkAttachmentParts } from '../../multipart/attachment-parts.checker.js';
import { parseStatementMultipart, type AttachmentPart } from '../../multipart/statement-multipart.parser.js';
import { mediaTypeEssence } from '../../statements/formats/identifier.format.js';
import { statementsEquivalent } from '../../statements/statement.comparator.js';
import { prepareStatement } from '../../statements/statement.preparer.js';
import { extractStatementIndex, isVoidingStatement } from '../../statements/statement-index.extractor.js';
import type { Statement, StatementRef, StoredStatement } from '../../statements/statement.types.js';
import { validateStatement, validateStatements } from '../../statements/validation/statement.validator.js';
import { VOIDED_ON_ARRIVAL_CONTEXT } from '../../xapi.constants.js';
import { XapiError } from '../http/xapi-error.js';
import type { XapiRequest } from '../http/xapi-request.js';
import { jsonResponse, noContent, type XapiResponse } from '../http/xapi-response.js';
import { statementMatchTerms } from './statement-terms.js';
import { StatementRepository, type StatementRow } from './statement.repository.js';

export const IGS_CLIENT_ID_PARAM = 'igsClientId';
export const IGS_CLIENT_ID_HEADER = 'x-igs-client-id';

/**
 * PUT and POST /xAPI/statements. The write is synchronous and durable: validate (400), store in Postgres so a GET
 * reads it back at once (a different Statement under a stored id: 409; the same one: no-op), then hand the stored
 * Statements to the pipeline, which makes the canonical events and learner records. If the pipeline cannot take them
 * the answer is 503 with Retry-After although the Statements are stored: the client's retry finds them equal, and
 * they are handed to the pipeline again, so nothing acknowledged is lost (the event store ignores the duplicate).
 */
@Injectable()
export class StatementWriteService {
  constructor(
    private readonly statements: StatementRepository,
    private readonly acceptor: AcceptService,
  ) {}

  async post(req: XapiRequest): Promise<XapiResponse> {
    const query = parseStatementWriteQuery('POST', req.query, { extraParams: [IGS_CLIENT_ID_PARAM] });
    if (!query.ok) throw XapiError.badRequest('Invalid parameters for POST /statements', query.errors);
    checkIgsClientId(req, query.extra[IGS_CLIENT_ID_PARAM], true);
    const received = readStatements(req);
    const validated = validateStatements(received.statements);
    if (!validated.ok) throw XapiError.badRequest('The Statements are invalid; nothing was stored', validated.errors);
    if (validated.statements.length === 0) return jsonResponse([]);
    const ids = await this.store(req, validated.statements, received.parts);
    return jsonResponse(ids);
  }

  async put(req: XapiRequest): Promise<XapiResponse> {
    const query = parseStatementWriteQuery('PUT', req.query, { extraParams: [IGS_CLIENT_ID_PARAM] });
    if (!query.ok) throw XapiError.badRequest('Invalid parameters for PUT /statements', query.errors);
    checkIgsClientId(req, query.extra[IGS_CLIENT_ID_PARAM], false);
    const received = readStatements(req);
    if (Array.isArray(received.statements)) throw XapiError.badRequest('PUT takes a single Statement; POST a batch');
    const validated = validateStatement(received.statements, { expectedId: query.statementId });
    if (!validated.ok) throw XapiError.badRequest('The Statement is invalid; nothing was stored', validated.errors);
    await this.store(req, [{ ...validated.statement, id: query.statementId }], received.parts);
    return noContent();
  }

  private async store(req: XapiRequest, statements: Statement[], parts: AttachmentPart[]): Promise<string[]> {
    const checked = checkAttachmentParts(statements, parts);
    if (!checked.ok) throw XapiError.badRequest('The attachments do not match the Statements', checked.errors);
    const { programId, clientId } = req.principal;
    const voided = await this.voidedTargets(programId, statements);
    const now = new Date();
    const authority = clientAuthority(req.principal);
    const prepared = statements.map((statement) => prepareStatement(statement, { authority, now }));
    const rows = prepared.map(toRow);
    const { existing, voided: voidedOnArrival } = await this.statements.store(programId, clientId, rows, checked.attachments, voided, (found) => {
      for (const [index, row] of rows.entries()) {
        const stored = found.get(row.statementId);
        if (stored !== undefined && !statementsEquivalent(JSON.parse(stored), statements[index])) {
          throw new XapiError(409, `A different Statement with id ${row.statementId} is already stored; Statements are immutable`);
        }
      }
    });
    // What the pipeline gets is what is stored: for a repeated Statement, the first copy.
    const body = `[${rows.map((row) => existing.get(row.statementId) ?? row.body).join(',')}]`;
    try {
      await this.acceptor.accept(
        {
          source: 'XAPI',
          programId,
          body,
          contentType: 'application/json',
          receivedUtc: now.toISOString(),
          correlationId: req.correlationId,
          context: voidedOnArrival.size === 0 ? { clientId } : { clientId, [VOIDED_ON_ARRIVAL_CONTEXT]: [...voidedOnArrival].join(',') },
        },
        rows.length,
      );
    } catch (err) {
      if (!(err instanceof PipelineUnavailableError)) throw err;
      throw new XapiError(503, 'The Statements are stored but the pipeline is unavailable; retry the same request (it is idempotent)', [], {
        'Retry-After': String(err.retryAfterSeconds),
      });
    }
    return rows.map((row) => row.statementId);
  }

  /** The ids voided by voiding Statements; voiding a voiding Statement is refused (Data 2.3.2.s2.b7, XAPI-00016). */
  private async voidedTargets(programId: string, statements: Statement[]): Promise<string[]> {
    const targets = statements.filter(isVoidingStatement).map((s) => (s.object as StatementRef).id.toLowerCase());
    if (targets.length === 0) return [];
    const voidingInBatch = new Set(statements.filter(isVoidingStatement).map((s) => s.id?.toLowerCase()));
    const voidingTargets = [...targets.filter((id) => voidingInBatch.has(id)), ...(await this.statements.voidingAmong(programId, targets))];
    if (voidingTargets.length > 0) {
      throw XapiError.badRequest(`A voiding Statement cannot be voided: ${[...new Set(voidingTargets)].join(', ')}`, [
        { path: 'object.id', message: 'targets a voiding Statement' },
      ]);
    }
    return targets;
  }
}

function toRow(statement: StoredStatement): StatementRow {
  const index = extractStatementIndex(statement);
  return {
    statementId: statement.id,
    body: JSON.stringify(statement),
    terms: statementMatchTerms(index),
    targetStatementId: index.targetStatementId ?? null,
    voidedStatementId: index.voidedStatementId ?? null,
    stored: statement.stored,
  };
}

/** application/json, or multipart/mixed with attachment data (Communication 1.5); any other type is a 400. */
function readStatements(req: XapiRequest): { statements: unknown; parts: AttachmentPart[] } {
  const type = req.contentType === undefined ? undefined : mediaTypeEssence(req.contentType);
  if (type === 'application/json') {
    const json = req.body.json();
    if (!json.ok) throw XapiError.badRequest('The body is not valid JSON');
    return { statements: json.value, parts: [] };
  }
  if (type === 'multipart/mixed') {
    const parsed = parseStatementMultipart(req.body.bytes, req.contentType);
    if (!parsed.ok) throw XapiError.badRequest('The multipart/mixed body is malformed (Communication 1.5.2)', parsed.errors);
    return { statements: parsed.statements, parts: parsed.parts };
  }
  throw XapiError.badRequest('Content-Type must be application/json or multipart/mixed (Communication 1.5)');
}

/**
 * imc partners configured with an igs client id send it with every statement POST, as the igsClientId parameter or
 * the X-IGS-Client-Id header (seed section 3.1): missing → 400, different → 403. On PUT it is optional but must match.
 */
function checkIgsClientId(req: XapiRequest, fromQuery: string | undefined, required: boolean): void {
  const fromHeader = req.headers[IGS_CLIENT_ID_HEADER];
  if (fromQuery !== undefined && fromHeader !== undefined && fromQuery !== fromHeader) {
    throw XapiError.badRequest('igsClientId and X-IGS-Client-Id differ', [{ path: IGS_CLIENT_ID_PARAM, message: 'differs from the X-IGS-Client-Id header' }]);
  }
  const expected = req.principal.igsClientId;
  if (expected === null) return;
  const given = fromQuery ?? fromHeader;
  if (given === undefined) {
    if (!required) return;
    throw XapiError.badRequest('This client must send its igs client id with every statement POST: igsClientId parameter or X-IGS-Client-Id header', [
      { path: IGS_CLIENT_ID_PARAM, message: 'is required' },
    ]);
  }
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new XapiError(403, 'The igs client id does not belong to this client');
}
