import { Injectable } from '@nestjs/common';
import { XapiError } from '../http/xapi-error.js';
import type { XapiRequest } from '../http/xapi-request.js';
import { jsonResponse, noContent, type XapiResponse } from '../http/xapi-response.js';
import { parseDocumentParams, type DocumentMethod, type DocumentParams } from './document-params.parser.js';
import { documentEtag, mergeJsonDocuments, preconditionFails, quoted } from './document-rules.js';
import { DocumentRepository, type NewDocument, type StoredDocument } from './document.repository.js';
import type { DocumentKind } from './xapi-document.entity.js';

/**
 * Whether a PUT needs If-Match or If-None-Match (Communication 3.1): a Client MUST send one to either profile resource
 * (3.1.s3.b1), so a profile PUT without either is refused: 409 when the document exists (3.1.s4.b13, "without either
 * header for a resource that already exists"), else 400 (a missing argument, as the ADL suite expects). A State may be
 * written without one.
 */
const PUT_NEEDS_PRECONDITION: Record<DocumentKind, boolean> = {
  state: false,
  'activity-profile': true,
  'agent-profile': true,
};

/** Conditional writes lose a race only to a concurrent writer; then the request is evaluated again. */
const WRITE_ATTEMPTS = 3;

/** State, Activity Profile and Agent Profile documents (Communication 2.2, 2.3, 2.6, 2.7), with ETag concurrency. */
@Injectable()
export class DocumentsService {
  constructor(private readonly documents: DocumentRepository) {}

  async handle(kind: DocumentKind, req: XapiRequest): Promise<XapiResponse> {
    const method: DocumentMethod = req.method === 'HEAD' ? 'GET' : req.method;
    const parsed = parseDocumentParams(kind, method, req.query);
    if (!parsed.ok) throw XapiError.badRequest(`Invalid parameters for ${method} ${RESOURCE_NAMES[kind]}`, parsed.errors);
    const { params } = parsed;
    const programId = req.principal.programId;
    if (method === 'GET') return this.read(programId, params);
    if (method === 'DELETE' && params.documentId === undefined) {
      await this.documents.deleteAll(programId, params.scope);
      return noContent();
    }
    const documentId = params.documentId as string;
    const incoming: NewDocument | undefined = method === 'DELETE' ? undefined : toDocument(req);
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const current = await this.documents.find(programId, params.scope, documentId);
      this.checkPreconditions(kind, method, req, current);
      const next = method === 'POST' && current && incoming ? merged(current, incoming) : incoming;
      const written = current
        ? next
          ? await this.documents.replaceIf(programId, params.scope, documentId, current.etag, next)
          : await this.documents.deleteIf(programId, params.scope, documentId, current.etag)
        : next
          ? await this.documents.insertIfAbsent(programId, params.scope, documentId, next)
          : true;
      if (written) return noContent(next ? { ETag: quoted(next.etag) } : undefined);
    }
    throw new XapiError(409, 'The document is being changed concurrently; read it again and retry');
  }

  private async read(programId: string, params: DocumentParams): Promise<XapiResponse> {
    if (params.documentId === undefined) return jsonResponse(await this.documents.listIds(programId, params.scope, params.since));
    const doc = await this.documents.find(programId, params.scope, params.documentId);
    if (!doc) throw XapiError.notFound('No such document');
    return { status: 200, contentType: doc.contentType, body: doc.content, headers: { ETag: quoted(doc.etag), 'Last-Modified': doc.updatedUtc.toUTCString() } };
  }

  private checkPreconditions(kind: DocumentKind, method: DocumentMethod, req: XapiRequest, current: StoredDocument | null): void {
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (preconditionFails(current?.etag, ifMatch, ifNoneMatch)) {
      throw new XapiError(412, current ? 'The document has changed (If-Match / If-None-Match failed)' : 'There is no such document (If-Match failed)');
    }
    if (method !== 'PUT' || ifMatch !== undefined || ifNoneMatch !== undefined) return;
    if (!PUT_NEEDS_PRECONDITION[kind]) return;
    if (current) throw new XapiError(409, 'The document exists: check its current state and send If-Match with its ETag to replace it');
    throw XapiError.badRequest('A PUT to this resource needs If-None-Match: * to create the document (or If-Match to replace one)');
  }
}

const RESOURCE_NAMES: Record<DocumentKind, string> = {
  state: '/activities/state',
  'activity-profile': '/activities/profile',
  'agent-profile': '/agents/profile',
};

function toDocument(req: XapiRequest): NewDocument {
  const content = req.body.bytes;
  // A PUT or POST stores the document in its body (Communication 2.2); no body and no type is no document at all.
  if (content.length === 0 && req.contentType === undefined) throw XapiError.badRequest('The request carries no document: send it as the body, with its Content-Type');
  const contentType = req.contentType ?? 'application/octet-stream';
  return { contentType, content, etag: documentEtag(content) };
}

function merged(current: StoredDocument, incoming: NewDocument): NewDocument {
  const result = mergeJsonDocuments(current, incoming);
  if (!result.ok) throw XapiError.badRequest(`Cannot merge: ${result.message} (Communication 2.2.s8)`);
  return { contentType: current.contentType, content: result.content, etag: documentEtag(result.content) };
}
