import fc from 'fast-check';
import { statement } from '../../fixtures/statement-templates.fixture.js';
import { parseAlternateRequest } from '../../http/alternate-request.parser.js';
import { parseStatementQuery } from '../../http/statement-query.parser.js';
import { parseStatementMultipart } from '../../multipart/statement-multipart.parser.js';
import { validateStatements } from './statement.validator.js';

/** DESIGN.md: bad input never reaches a 500. Every parser answers with errors instead of throwing. */
describe('robustness against arbitrary input', () => {
  it('validateStatements never throws, whatever JSON it gets', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        validateStatements(value);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any part of a valid Statement is replaced by arbitrary JSON', () => {
    const paths = ['actor', 'verb', 'object', 'result', 'context', 'authority', 'attachments', 'timestamp', 'object.definition'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const s = statement();
        const [head, tail] = path.split('.') as [string, string | undefined];
        if (tail) (s[head] as Record<string, unknown>)[tail] = value;
        else s[head] = value;
        validateStatements(s);
      }),
      { numRuns: 500 },
    );
  });

  it('the multipart, query and alternate-syntax parsers never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.dictionary(fc.string(), fc.string()), (bytes, query) => {
        parseStatementMultipart(Buffer.from(bytes), 'multipart/mixed; boundary=a');
        parseStatementQuery(query);
        parseAlternateRequest({ httpMethod: 'POST', query: { ...query, method: 'PUT' }, headers: {}, body: Buffer.from(bytes) });
      }),
      { numRuns: 300 },
    );
  });
});
