import { canonicalBodyHash, canonicalJson } from './canonical-json.js';
import type { JsonValue } from './json-value.js';

const parse = (text: string) => JSON.parse(text) as JsonValue;

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson(parse('{ "b": [ {"y":1, "x":2} ], "a": null }'))).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
  });

  it('writes numbers the ECMAScript way (0.0 is 0, 1e21 stays exponent)', () => {
    expect(canonicalJson(parse('{"price":0.0,"n":1.50,"big":1e21,"small":1E-7}'))).toBe(
      '{"big":1e+21,"n":1.5,"price":0,"small":1e-7}',
    );
  });

  it('sorts by UTF-16 code units, as RFC 8785 requires', () => {
    // RFC 8785 section 3.2.3 example keys: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) and after "\u00f6"
    expect(canonicalJson({ '😀': 1, '€': 2, ö: 3, a: 4 })).toBe('{"a":4,"ö":3,"€":2,"😀":1}');
  });

  it('keeps array order (it is meaningful)', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });
});

describe('canonicalBodyHash', () => {
  it('is the same for reordered, reformatted bodies', () => {
    const a = canonicalBodyHash(parse('{"status":"PASSED","identifier":1,"price":0.0}'));
    const b = canonicalBodyHash(parse('{\n  "price": 0,\n  "identifier": 1,\n  "status": "PASSED"\n}'));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when a value differs', () => {
    expect(canonicalBodyHash({ status: 'PASSED' })).not.toBe(canonicalBodyHash({ status: 'FAILED' }));
  });
});
