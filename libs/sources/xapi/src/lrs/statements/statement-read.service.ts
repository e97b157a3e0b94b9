import { Inject, Injectable } from '@nestjs/common';
import { xapiConfig, type XapiConfig } from '@hub/config';
import { parseStatementQuery, type StatementListQuery, type StatementQuery } from '../../http/statement-query.parser.js';
import { buildMultipartMixed } from '../../multipart/multipart-mixed.builder.js';
import type { AttachmentPayload } from '../../multipart/attachment-parts.checker.js';
import { formatStatement } from '../../statements/statement.formatter.js';
import type { Statement } from '../../statements/statement.types.js';
import { ATTACHMENT_HASH_HEADER } from '../../xapi.constants.js';
import { XapiError } from '../http/xapi-error.js';
import type { XapiRequest } from '../http/xapi-request.js';
import { JSON_TYPE, type XapiResponse } from '../http/xapi-response.js';
import { decodeMoreCursor, encodeMoreCursor, type MoreCursor } from './more-cursor.js';
import { filterTerms } from './statement-terms.js';
import { StatementRepository } from './statement.repository.js';

export const MORE_PARAM = 'more';
export const STATEMENTS_ROUTE = '/xAPI/statements';

/** GET (and HEAD) /xAPI/statements: one Statement by id, or a StatementResult with filters and `more` pages. */
@Injectable()
export class StatementReadService {
  constructor(
    private readonly statements: StatementRepository,
    @Inject(xapiConfig.KEY) private readonly config: XapiConfig,
  ) {}

  async get(req: XapiRequest): Promise<XapiResponse> {
    const { query, original, cursor } = this.parse(req);
    const programId = req.principal.programId;
    if (query.kind === 'single') {
      const row = await this.statements.findOne(programId, query.statementId);
      // A voided Statement is found only by voidedStatementId, and voidedStatementId finds only voided ones (Communication 2.1.4).
      if (!row || row.voided !== query.voided) throw XapiError.notFound(`No ${query.voided ? 'voided ' : ''}Statement ${query.statementId}`);
      return this.respond(req, query, [row.statement], (texts) => texts[0] as string);
    }
    return this.list(req, query, original, cursor);
  }

  private async list(req: XapiRequest, query: StatementListQuery, original: Record<string, string>, cursor: MoreCursor | undefined): Promise<XapiResponse> {
    const filter = query.filter;
    const limit = filter.limit === 0 ? this.config.maxPageSize : Math.min(filter.limit, this.config.maxPageSize);
    const bound = cursor?.bound ?? new Date().toISOString();
    const until = filter.until !== undefined && filter.until < bound ? filter.until : bound;
    const rows = await this.statements.findPage({
      programId: req.principal.programId,
      terms: filterTerms(filter),
      since: filter.since,
      until,
      after: cursor?.after,
      ascending: filter.ascending,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const more =
      rows.length > limit && last
        ? `${STATEMENTS_ROUTE}?${MORE_PARAM}=${encodeMoreCursor({ query: original, bound, after: { stored: last.storedUtc.toISOString(), seq: last.seq } })}`
        : '';
    return this.respond(
      req,
      query,
      page.map((r) => r.statement),
      (texts) => `{"statements":[${texts.join(',')}],"more":${JSON.stringify(more)}}`,
    );
  }

  /** Formats the Statements, wraps them, and adds the attachment data as multipart/mixed when asked to. */
  private async respond(req: XapiRequest, query: StatementQuery, stored: string[], wrap: (texts: string[]) => string): Promise<XapiResponse> {
    const acceptLanguage = req.headers['accept-language'];
    const texts =
      query.format === 'exact' ? stored : stored.map((text) => JSON.stringify(formatStatement(JSON.parse(text) as Statement, query.format, { acceptLanguage })));
    const json = wrap(texts);
    if (!query.attachments) return { status: 200, contentType: JSON_TYPE, body: json };
    const attachments = await this.statements.findAttachments(req.principal.programId, attachmentHashes(stored));
    const message = buildMultipartMixed([{ headers: { 'Content-Type': JSON_TYPE }, body: json }, ...attachmentParts(attachments)]);
    return { status: 200, contentType: message.contentType, body: message.body };
  }

  private parse(req: XapiRequest): { query: StatementQuery; original: Record<string, string>; cursor?: MoreCursor } {
    const more = req.query[MORE_PARAM];
    if (more === undefined) {
      const parsed = parseStatementQuery(req.query);
      if (!parsed.ok) throw XapiError.badRequest('Invalid parameters for GET /statements', parsed.errors);
      return { query: parsed.query, original: originalParams(req.query) };
    }
    const others = Object.keys(req.query).filter((name) => name !== MORE_PARAM && req.query[name] !== undefined);
    if (others.length > 0) throw XapiError.badRequest('more carries the whole query; send it alone', others.map((path) => ({ path, message: 'not allowed with more' })));
    const cursor = typeof more === 'string' ? decodeMoreCursor(more) : undefined;
    if (!cursor) throw XapiError.badRequest('more is not a link issued by this LRS', [{ path: MORE_PARAM, message: 'is not a valid cursor' }]);
    const parsed = parseStatementQuery(cursor.query);
    if (!parsed.ok || parsed.query.kind !== 'list') throw XapiError.badRequest('more is not a link issued by this LRS', [{ path: MORE_PARAM, message: 'is not a valid cursor' }]);
    return { query: parsed.query, original: cursor.query, cursor };
  }
}

function originalParams(query: XapiRequest['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') out[name] = value;
  return out;
}

/** The sha2 of every attachment of the Statements and their SubStatements. */
function attachmentHashes(stored: string[]): string[] {
  const hashes = new Set<string>();
  for (const text of stored) {
    if (!text.includes('"attachments"')) continue;
    const statement = JSON.parse(text) as Statement;
    const lists = [statement.attachments, statement.object.objectType === 'SubStatement' ? statement.object.attachments : undefined];
    for (const list of lists) for (const attachment of list ?? []) hashes.add(attachment.sha2.toLowerCase());
  }
  return [...hashes];
}

function attachmentParts(attachments: AttachmentPayload[]): { headers: Record<string, string>; body: Buffer }[] {
  return attachments.map((a) => ({
    headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', [ATTACHMENT_HASH_HEADER]: a.sha2 },
    body: a.content,
  }));
}
