import { isUuid } from '../statements/formats/identifier.format.js';
import { Issues, type ValidationError } from '../statements/validation/validation-issues.js';
import { unknownParameterMessage, type QueryInput } from './statement-query.parser.js';

export type StatementWriteQueryParse =
  | { ok: true; statementId?: string; extra: Record<string, string> }
  | { ok: false; errors: ValidationError[] };

/**
 * The query of PUT and POST /statements. PUT needs a UUID `statementId` (Communication 2.1.1.s1.table1.row1); POST takes
 * no xAPI parameters. Unknown and mis-cased names are rejected (Communication 3.2.s3.b7-b8) unless listed in
 * `extraParams`, such as the imc partners' `igsClientId`, which are returned in `extra`.
 */
export function parseStatementWriteQuery(
  method: 'PUT' | 'POST',
  input: QueryInput,
  options: { extraParams?: readonly string[] } = {},
): StatementWriteQueryParse {
  const issues = new Issues();
  const known = method === 'PUT' ? ['statementId'] : [];
  const extraNames = options.extraParams ?? [];
  const extra: Record<string, string> = {};
  let statementId: string | undefined;
  for (const [name, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    if (Array.isArray(raw)) issues.add(name, 'must be given once');
    else if (known.includes(name)) statementId = raw;
    else if (extraNames.includes(name)) extra[name] = raw;
    else issues.add(name, unknownParameterMessage(name, [...known, ...extraNames, 'statementId']));
  }
  if (method === 'PUT' && statementId === undefined && !issues.list.some((e) => e.path === 'statementId')) {
    issues.add('statementId', 'is required for PUT (Communication 2.1.1)');
  } else if (statementId !== undefined && !isUuid(statementId)) {
    issues.add('statementId', 'must be a UUID');
  }
  if (!issues.ok) return { ok: false, errors: issues.list };
  return statementId === undefined ? { ok: true, extra } : { ok: true, statementId: statementId.toLowerCase(), extra };
}
