import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A stored Statement. Writes and reads go through StatementRepository's SQL; the entity tells TypeORM the schema for
 * the drift check. The id is unique per program: each program is an LRS of its own.
 */
@Entity('xapi_statements')
@Index('xapi_statements_stored', ['programId', 'storedUtc', 'seq'])
@Index('xapi_statements_terms', ['matchTerms'], { type: 'gin' })
@Index('xapi_statements_target', ['programId', 'targetStatementId'], { where: '"target_statement_id" IS NOT NULL' })
@Index('xapi_statements_voiding', ['programId', 'voidedStatementId'], { where: '"voided_statement_id" IS NOT NULL' })
export class XapiStatementEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @PrimaryColumn({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** The Statement as stored and returned in the exact format, as JSON text (key order as received). */
  @Column({ type: 'text' })
  statement: string;

  /** What the GET filters match (see statementMatchTerms): agents, activities, verb, registration, prefixed by kind. */
  @Column({ name: 'match_terms', type: 'text', array: true })
  matchTerms: string[];

  /** The Statement this one targets with a StatementRef object. */
  @Column({ name: 'target_statement_id', type: 'uuid', nullable: true })
  targetStatementId: string | null;

  /** Set on a voiding Statement: the Statement it voids. */
  @Column({ name: 'voided_statement_id', type: 'uuid', nullable: true })
  voidedStatementId: string | null;

  @Column({ type: 'boolean', default: false })
  voided: boolean;

  @Column({ name: 'stored_utc', type: 'timestamptz' })
  storedUtc: Date;

  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;
}
