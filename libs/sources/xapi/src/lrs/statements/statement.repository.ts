import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { AttachmentPayload } from '../../multipart/attachment-parts.checker.js';

/** A prepared Statement ready to insert. */
export interface StatementRow {
  statementId: string;
  /** The stored Statement as JSON text. */
  body: string;
  terms: string[];
  targetStatementId: string | null;
  voidedStatementId: string | null;
  /** ISO timestamp, equal to the Statement's `stored`. */
  stored: string;
}

export interface PageQuery {
  programId: string;
  /** Filter terms the Statement (or a Statement it targets, recursively) must contain; none means every Statement. */
  terms: string[];
  /** Exclusive lower bound on stored. */
  since?: string;
  /** Inclusive upper bound on stored: the earlier of the `until` parameter and the first page's moment. */
  until: string;
  after?: { stored: string; seq: string };
  ascending: boolean;
  limit: number;
}

export interface PageRow {
  statement: string;
  storedUtc: Date;
  seq: string;
}

/** How deep the StatementRef filter rule (Communication 2.1.3.s3) follows Statements that target Statements. */
const MAX_REFERENCE_DEPTH = 10;

const INSERT_STATEMENTS = `
  INSERT INTO xapi_statements (program_id, statement_id, client_id, statement, match_terms, target_statement_id, voided_statement_id, voided, stored_utc)
  SELECT $1::varchar, r.id, $2::varchar, r.body, ARRAY(SELECT jsonb_array_elements_text(r.terms)), r.target, r.voids,
         -- A Statement arriving after the Statement that voids it is voided at once (Data 2.3.2); a voiding one never is.
         r.voids IS NULL AND EXISTS (SELECT 1 FROM xapi_statements v WHERE v.program_id = $1::varchar AND v.voided_statement_id = r.id),
         r.stored
    FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, body text, terms jsonb, target uuid, voids uuid, stored timestamptz)
  ON CONFLICT (program_id, statement_id) DO NOTHING
  RETURNING statement_id, voided`;

/** The same insert for the common case of one Statement: plain parameters plan and run faster than a JSON record set. */
const INSERT_ONE_STATEMENT = `
  INSERT INTO xapi_statements (program_id, statement_id, client_id, statement, match_terms, target_statement_id, voided_statement_id, voided, stored_utc)
  VALUES ($1::varchar, $3::uuid, $2::varchar, $4::text, $5::text[], $6::uuid, $7::uuid,
          $7::uuid IS NULL AND EXISTS (SELECT 1 FROM xapi_statements v WHERE v.program_id = $1::varchar AND v.voided_statement_id = $3::uuid),
          $8::timestamptz)
  ON CONFLICT (program_id, statement_id) DO NOTHING
  RETURNING statement_id, voided`;

/** What storing found: the stored JSON of ids that were taken, and which of the request's Statements are voided. */
export interface StoreOutcome {
  existing: Map<string, string>;
  /** Statements of the request the LRS holds as voided: a voiding Statement reached it first (Data 2.3.2). */
  voided: Set<string>;
}

/** Statements and their attachment data, per program; raw SQL because this is the write path partners hammer. */
@Injectable()
export class StatementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the Statements that are new and returns the stored JSON of those whose id already existed. `settle` sees
   * them before anything is final and throws to refuse the request; a batch, attachments and voiding run in one
   * transaction, so a refusal leaves the LRS as it was (Communication 3.2.s3.b9). A lone Statement needs none: its
   * INSERT either happened or conflicted.
   */
  async store(
    programId: string,
    clientId: string,
    rows: readonly StatementRow[],
    attachments: readonly AttachmentPayload[],
    voidedIds: readonly string[],
    settle: (existing: Map<string, string>) => void,
  ): Promise<StoreOutcome> {
    const run = async (manager: EntityManager): Promise<StoreOutcome> => {
      const one = rows.length === 1 ? rows[0] : undefined;
      const insert = one
        ? manager.query(INSERT_ONE_STATEMENT, [programId, clientId, one.statementId, one.body, one.terms, one.targetStatementId, one.voidedStatementId, one.stored])
        : manager.query(INSERT_STATEMENTS, [
            programId,
            clientId,
            JSON.stringify(rows.map((r) => ({ id: r.statementId, body: r.body, terms: r.terms, target: r.targetStatementId, voids: r.voidedStatementId, stored: r.stored }))),
          ]);
      const insertedRows = (await insert) as { statement_id: string; voided: boolean }[];
      const inserted = new Set(insertedRows.map((r) => r.statement_id));
      const voided = new Set(insertedRows.filter((r) => r.voided).map((r) => r.statement_id));
      const conflicting = rows.map((r) => r.statementId).filter((id) => !inserted.has(id));
      const existing = new Map<string, string>();
      if (conflicting.length > 0) {
        const found = (await manager.query(
          'SELECT statement_id, statement, voided FROM xapi_statements WHERE program_id = $1 AND statement_id = ANY($2::uuid[])',
          [programId, conflicting],
        )) as { statement_id: string; statement: string; voided: boolean }[];
        for (const row of found) {
          existing.set(row.statement_id, row.statement);
          if (row.voided) voided.add(row.statement_id);
        }
      }
      settle(existing);
      if (attachments.length > 0) {
        await manager.query(
          `INSERT INTO xapi_attachments (program_id, sha2, content_type, content)
           SELECT $1::varchar, a.sha2, a.content_type, a.content FROM unnest($2::text[], $3::text[], $4::bytea[]) AS a(sha2, content_type, content)
           ON CONFLICT (program_id, sha2) DO NOTHING`,
          [programId, attachments.map((a) => a.sha2), attachments.map((a) => a.contentType.slice(0, 255)), attachments.map((a) => a.content)],
        );
      }
      if (voidedIds.length > 0) {
        await manager.query(
          'UPDATE xapi_statements SET voided = true WHERE program_id = $1 AND statement_id = ANY($2::uuid[]) AND voided_statement_id IS NULL',
          [programId, voidedIds],
        );
      }
      return { existing, voided };
    };
    const lone = rows.length === 1 && attachments.length === 0 && voidedIds.length === 0;
    return lone ? this.storeOne(programId, clientId, rows[0] as StatementRow, settle) : this.dataSource.transaction(run);
  }

  /**
   * One Statement, no attachments, voiding nothing: the POST partners send most. One INSERT straight on the pool
   * (TypeORM's query runner adds a connect, two broadcasts and a logger call per query on the hottest path), and a
   * SELECT only when the id was taken.
   */
  private async storeOne(programId: string, clientId: string, row: StatementRow, settle: (existing: Map<string, string>) => void): Promise<StoreOutcome> {
    const pool = this.pool();
    // Named: each pooled connection parses and plans it once, not on every POST.
    const inserted = await pool.query<{ statement_id: string; voided: boolean }>({
      name: 'xapi-insert-one-statement',
      text: INSERT_ONE_STATEMENT,
      values: [programId, clientId, row.statementId, row.body, row.terms, row.targetStatementId, row.voidedStatementId, row.stored],
    });
    const existing = new Map<string, string>();
    const voided = new Set<string>();
    if (inserted.rows[0]?.voided) voided.add(row.statementId);
    if (inserted.rowCount === 0) {
      const found = await pool.query<{ statement: string; voided: boolean }>('SELECT statement, voided FROM xapi_statements WHERE program_id = $1 AND statement_id = $2', [
        programId,
        row.statementId,
      ]);
      if (found.rows[0]) existing.set(row.statementId, found.rows[0].statement);
      if (found.rows[0]?.voided) voided.add(row.statementId);
    }
    settle(existing);
    return { existing, voided };
  }

  /** node-postgres's pool under the DataSource (the postgres driver's `master`). */
  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** The ids among `ids` that are voiding Statements (which cannot themselves be voided, Data 2.3.2.s2.b7). */
  async voidingAmong(programId: string, ids: readonly string[]): Promise<string[]> {
    const rows = (await this.dataSource.query(
      'SELECT statement_id FROM xapi_statements WHERE program_id = $1 AND statement_id = ANY($2::uuid[]) AND voided_statement_id IS NOT NULL',
      [programId, ids],
    )) as { statement_id: string }[];
    return rows.map((r) => r.statement_id);
  }

  /** The stored JSON of those of `statementIds` the program holds, voided or not, by statement id. */
  async findMany(programId: string, statementIds: readonly string[]): Promise<Map<string, string>> {
    if (statementIds.length === 0) return new Map();
    const rows = (await this.dataSource.query('SELECT statement_id, statement FROM xapi_statements WHERE program_id = $1 AND statement_id = ANY($2::uuid[])', [
      programId,
      statementIds,
    ])) as { statement_id: string; statement: string }[];
    return new Map(rows.map((r) => [r.statement_id, r.statement]));
  }

  async findOne(programId: string, statementId: string): Promise<{ statement: string; voided: boolean } | null> {
    const rows = (await this.dataSource.query('SELECT statement, voided FROM xapi_statements WHERE program_id = $1 AND statement_id = $2', [
      programId,
      statementId,
    ])) as { statement: string; voided: boolean }[];
    return rows[0] ?? null;
  }

  /**
   * One page of a StatementResult, ordered by (stored, seq). Voided Statements never appear; a Statement that targets
   * a matching Statement with a StatementRef matches too, recursively (Communication 2.1.3.s3, 2.1.4.s1.b2). The time
   * bounds apply to the returned Statement itself.
   */
  async findPage(q: PageQuery): Promise<PageRow[]> {
    const params: unknown[] = [q.programId];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['s.program_id = $1', 'NOT s.voided'];
    let prefix = '';
    if (q.terms.length > 0) {
      const terms = `${add(q.terms)}::text[]`;
      prefix = `WITH RECURSIVE refs(statement_id, depth) AS (
          SELECT r.statement_id, 1 FROM xapi_statements r
            JOIN xapi_statements x ON x.program_id = r.program_id AND x.statement_id = r.target_statement_id
           WHERE r.program_id = $1 AND r.target_statement_id IS NOT NULL AND x.match_terms @> ${terms}
          UNION ALL
          SELECT r.statement_id, refs.depth + 1 FROM refs
            JOIN xapi_statements r ON r.program_id = $1 AND r.target_statement_id = refs.statement_id
           WHERE refs.depth < ${MAX_REFERENCE_DEPTH})`;
      where.push(`(s.match_terms @> ${terms} OR s.statement_id IN (SELECT statement_id FROM refs))`);
    }
    if (q.since !== undefined) where.push(`s.stored_utc > ${add(q.since)}::timestamptz`);
    where.push(`s.stored_utc <= ${add(q.until)}::timestamptz`);
    if (q.after) where.push(`(s.stored_utc, s.seq) ${q.ascending ? '>' : '<'} (${add(q.after.stored)}::timestamptz, ${add(q.after.seq)}::bigint)`);
    const direction = q.ascending ? 'ASC' : 'DESC';
    const sql = `${prefix} SELECT s.statement, s.stored_utc, s.seq FROM xapi_statements s WHERE ${where.join(' AND ')}
      ORDER BY s.stored_utc ${direction}, s.seq ${direction} LIMIT ${add(q.limit)}`;
    const rows = (await this.dataSource.query(sql, params)) as { statement: string; stored_utc: Date; seq: string }[];
    return rows.map((r) => ({ statement: r.statement, storedUtc: r.stored_utc, seq: String(r.seq) }));
  }

  async findAttachments(programId: string, sha2s: readonly string[]): Promise<AttachmentPayload[]> {
    if (sha2s.length === 0) return [];
    const rows = (await this.dataSource.query(
      'SELECT sha2, content_type, content FROM xapi_attachments WHERE program_id = $1 AND sha2 = ANY($2::text[])',
      [programId, sha2s],
    )) as { sha2: string; content_type: string; content: Buffer }[];
    return rows.map((r) => ({ sha2: r.sha2, contentType: r.content_type, content: r.content }));
  }

  /**
   * The latest Statements (up to `limit`) that mention the Activity, oldest first: what GET /activities merges into
   * the Activity. The limit bounds the work for Activities used in very many Statements.
   */
  async recentWithActivity(programId: string, term: string, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      'SELECT statement FROM xapi_statements WHERE program_id = $1 AND match_terms @> ARRAY[$2]::text[] ORDER BY stored_utc DESC, seq DESC LIMIT $3',
      [programId, term, limit],
    )) as { statement: string }[];
    return rows.map((r) => r.statement).reverse();
  }
}
