import { signStatement } from '../fixtures/signing-key.fixture.js';
import { statement, withValue } from '../fixtures/statement-templates.fixture.js';
import { verifyStatementSignature } from './statement-signature.verifier.js';
import type { Statement } from './statement.types.js';

const received = (): Statement => statement() as unknown as Statement;

describe('Signed Statements (Data 2.6)', () => {
  it('accepts an RS256 compact JWS whose payload is the received Statement (Data 2.6.s4.b1-b4)', () => {
    expect(verifyStatementSignature(received(), signStatement(received()))).toEqual([]);
  });

  it('accepts RS384 and RS512 and a payload that differs only where Statements may differ (Data 2.6.s5.b3.b2)', () => {
    const withoutId = withValue(statement(), 'id', undefined);
    expect(verifyStatementSignature(received(), signStatement(withoutId, { algorithm: 'RS384' }))).toEqual([]);
    expect(verifyStatementSignature(received(), Buffer.from(signStatement(received(), { algorithm: 'RS512' })))).toEqual([]);
  });

  it('verifies the signature against the x5c certificate when the header carries one (Data 2.6.s5.b3.b3)', () => {
    const jws = signStatement(received(), { withCertificate: true });
    expect(verifyStatementSignature(received(), jws)).toEqual([]);
    const [header, payload, signature] = jws.split('.') as [string, string, string];
    const tampered = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
    expect(verifyStatementSignature(received(), tampered)).toEqual([
      'the JWS signature does not verify against the certificate in its x5c header',
    ]);
  });

  it('rejects a signature with an algorithm other than RS256, RS384, RS512 (Data 2.6.s4.b4)', () => {
    const [, payload] = signStatement(received()).split('.');
    const hs256 = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${payload}.c2ln`;
    expect(verifyStatementSignature(received(), hs256)).toEqual(['the JWS algorithm must be RS256, RS384 or RS512']);
  });

  it('rejects a payload that is not a valid JSON serialization of the Statement (Data 2.6.s4.b3)', () => {
    const broken = JSON.stringify(received()).replace('"', "'");
    expect(verifyStatementSignature(received(), signStatement(received(), { rawPayload: broken }))).toEqual([
      'the JWS payload is not a JSON serialization of a Statement',
    ]);
  });

  it('rejects a signature over a different Statement (Data 2.6.s5.b3.b2)', () => {
    const other = withValue(statement(), 'verb.id', 'https://example.com/verbs/faked');
    expect(verifyStatementSignature(received(), signStatement(other))).toEqual([
      'the signed Statement does not match the received Statement',
    ]);
  });

  it('rejects data that is not a compact JWS', () => {
    expect(verifyStatementSignature(received(), 'not a jws')).toEqual(['the signature is not a JWS in compact serialization']);
  });
});
