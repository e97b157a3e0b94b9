import { deliveryHeaderSummary, redactedShape } from './delivery-header-summary.js';

describe('deliveryHeaderSummary', () => {
  it('lists every header name, sorted, with secret-bearing values reduced to their shape', () => {
    const signature = 'a'.repeat(64);
    const summary = deliveryHeaderSummary({
      'X-ALM-Signature': `sha256=${signature}`,
      authorization: `Basic ${Buffer.from('user:password').toString('base64')}`,
      'content-type': 'application/json',
      'user-agent': 'Apache-HttpClient/4.5',
      'x-alm-token': 'tok_live_123',
      'content-length': 321,
      'x-empty': undefined,
    });
    expect(summary).toEqual([
      { name: 'authorization', value: 'Basic base64(20)', redacted: true },
      { name: 'content-length', value: '321', redacted: false },
      { name: 'content-type', value: 'application/json', redacted: false },
      { name: 'user-agent', value: 'Apache-HttpClient/4.5', redacted: false },
      { name: 'x-alm-signature', value: 'sha256=hex(64)', redacted: true },
      { name: 'x-alm-token', value: 'base64url(12)', redacted: true },
    ]);
    expect(JSON.stringify(summary)).not.toContain(signature);
    expect(JSON.stringify(summary)).not.toContain('tok_live');
  });

  it('never shows a prefix that could be part of a token', () => {
    expect(redactedShape('abc=def')).toBe('text(7)');
    expect(redactedShape('Bearer xyz.abc')).toBe('Bearer text(7)');
    expect(redactedShape('')).toBe('empty(0)');
  });
});
