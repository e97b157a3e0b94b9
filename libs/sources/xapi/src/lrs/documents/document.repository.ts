import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DocumentScope } from './document-params.parser.js';

export interface StoredDocument {
  contentType: string;
  content: Buffer;
  etag: string;
  updatedUtc: Date;
}

export interface NewDocument {
  contentType: string;
  content: Buffer;
  etag: string;
}

const KEY = 'program_id = $1 AND kind = $2 AND activity_id = $3 AND agent_key = $4 AND registration = $5';

/**
 * State and profile documents. Every write is conditional on what the caller read (insert-if-absent, replace or
 * delete if the ETag is unchanged), so concurrent writers cannot lose each other's updates.
 */
@Injectable()
export class DocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(programId: string, scope: DocumentScope, documentId: string): Promise<StoredDocument | null> {
    const rows = (await this.dataSource.query(`SELECT content_type, content, etag, updated_utc FROM xapi_documents WHERE ${KEY} AND document_id = $6`, [
      ...keyParams(programId, scope),
      documentId,
    ])) as { content_type: string; content: Buffer; etag: string; updated_utc: Date }[];
    const row = rows[0];
    return row ? { contentType: row.content_type, content: row.content, etag: row.etag, updatedUtc: row.updated_utc } : null;
  }

  async listIds(programId: string, scope: DocumentScope, since?: string): Promise<string[]> {
    const params: unknown[] = keyParams(programId, scope);
    let sql = `SELECT document_id FROM xapi_documents WHERE ${KEY}`;
    if (since !== undefined) {
      params.push(since);
      sql += ' AND updated_utc > $6::timestamptz';
    }
    const rows = (await this.dataSource.query(`${sql} ORDER BY document_id`, params)) as { document_id: string }[];
    return rows.map((r) => r.document_id);
  }

  /** False when a document with this key appeared meanwhile. */
  async insertIfAbsent(programId: string, scope: DocumentScope, documentId: string, doc: NewDocument): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO xapi_documents (program_id, kind, activity_id, agent_key, registration, document_id, content_type, content, etag, updated_utc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (program_id, kind, activity_id, agent_key, registration, document_id) DO NOTHING RETURNING etag`,
      [...keyParams(programId, scope), documentId, doc.contentType.slice(0, 255), doc.content, doc.etag],
    )) as unknown[];
    return rows.length > 0;
  }

  /** False when the document changed (or went) since it was read with `expectedEtag`. */
  async replaceIf(programId: string, scope: DocumentScope, documentId: string, expectedEtag: string, doc: NewDocument): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE xapi_documents SET content_type = $7, content = $8, etag = $9, updated_utc = now() WHERE ${KEY} AND document_id = $6 AND etag = $10`,
      [...keyParams(programId, scope), documentId, doc.contentType.slice(0, 255), doc.content, doc.etag, expectedEtag],
    )) as [unknown, number];
    return affected > 0;
  }

  async deleteIf(programId: string, scope: DocumentScope, documentId: string, expectedEtag: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM xapi_documents WHERE ${KEY} AND document_id = $6 AND etag = $7`, [
      ...keyParams(programId, scope),
      documentId,
      expectedEtag,
    ])) as [unknown, number];
    return affected > 0;
  }

  /** Every document of the scope (DELETE /activities/state without stateId). */
  async deleteAll(programId: string, scope: DocumentScope): Promise<void> {
    await this.dataSource.query(`DELETE FROM xapi_documents WHERE ${KEY}`, keyParams(programId, scope));
  }
}

function keyParams(programId: string, scope: DocumentScope): unknown[] {
  return [programId, scope.kind, scope.activityId, scope.agentKey, scope.registration];
}
