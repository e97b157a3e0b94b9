import Fastify from 'fastify';
import pg from 'pg';

/**
 * The xAPI write baseline: a bare Fastify server that stores each POSTed Statement with one INSERT of the same row
 * into a table shaped like xapi_statements (same columns, keys and indexes, GIN on the match terms included), and
 * answers 200 with the id. No auth, validation, queue or framework around it.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('CREATE TABLE IF NOT EXISTS bench_xapi_statements (LIKE xapi_statements INCLUDING ALL)');

const INSERT = `INSERT INTO bench_xapi_statements (program_id, statement_id, client_id, statement, match_terms, target_statement_id, voided_statement_id, voided, stored_utc)
  VALUES ($1, $2, $3, $4, $5, NULL, NULL, false, $6) ON CONFLICT (program_id, statement_id) DO NOTHING RETURNING statement_id`;

interface Statement {
  id: string;
  actor: { mbox?: string };
  verb: { id: string };
  object: { id: string };
}

const app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
app.post('/xAPI/statements', async (request, reply) => {
  const statement = request.body as Statement;
  const stored = new Date().toISOString();
  const agent = `mbox:${statement.actor.mbox ?? ''}`;
  const terms = [`v:${statement.verb.id}`, `a:${agent}`, `ra:${agent}`, `act:${statement.object.id}`, `ract:${statement.object.id}`];
  const row = { ...statement, stored, timestamp: stored, version: '1.0.0' };
  await pool.query(INSERT, ['XAPIBASE', statement.id, 'baseline', JSON.stringify(row), terms, stored]);
  return reply.code(200).send([statement.id]);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
