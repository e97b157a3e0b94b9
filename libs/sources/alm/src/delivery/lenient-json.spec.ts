import { maxNestingDepth, removeTrailingCommas } from './lenient-json.js';

describe('removeTrailingCommas', () => {
  it('removes a comma before a closing brace or bracket, across whitespace and newlines', () => {
    const { text, removed } = removeTrailingCommas('{"a": 1,\n  }');
    expect(JSON.parse(text)).toEqual({ a: 1 });
    expect(removed).toBe(1);
    expect(JSON.parse(removeTrailingCommas('[1, 2 ,\r\n\t]').text)).toEqual([1, 2]);
    expect(JSON.parse(removeTrailingCommas('{"a":[{"b":1,},],}').text)).toEqual({ a: [{ b: 1 }] });
  });

  it('never touches commas or brackets inside strings', () => {
    const source = '{"s": "x,}", "t": ",]", "u": "\\",}", "v": 1,}';
    expect(JSON.parse(removeTrailingCommas(source).text)).toEqual({ s: 'x,}', t: ',]', u: '",}', v: 1 });
  });

  it('handles an escaped backslash right before a closing quote', () => {
    const source = '{"p": "C:\\\\", "q": 2,}';
    expect(JSON.parse(removeTrailingCommas(source).text)).toEqual({ p: 'C:\\', q: 2 });
  });

  it('leaves valid JSON and other damage alone', () => {
    expect(removeTrailingCommas('{"a":1,"b":2}')).toEqual({ text: '{"a":1,"b":2}', removed: 0 });
    expect(removeTrailingCommas('[1,,2]').text).toBe('[1,,2]');
  });
});

describe('maxNestingDepth', () => {
  it('counts objects and arrays but not brackets in strings', () => {
    expect(maxNestingDepth('1')).toBe(0);
    expect(maxNestingDepth('{"a":[{"b":"[[[[{{{{"}]}')).toBe(3);
    expect(maxNestingDepth('['.repeat(10_000))).toBe(10_000);
  });
});
