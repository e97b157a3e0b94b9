import { sanitizeJson } from './safe-json-tree.js';

describe('sanitizeJson', () => {
  it('removes __proto__, constructor and prototype keys at any depth and reports where', () => {
    const parsed = JSON.parse(
      '{"a":1,"__proto__":{"polluted":true},"b":[{"constructor":{"prototype":{"polluted":true}}}],"c":{"prototype":1}}',
    );
    const { value, droppedKeys } = sanitizeJson(parsed);
    expect(value).toEqual({ a: 1, b: [{}], c: {} });
    expect(droppedKeys).toEqual(['$.__proto__', '$.b[0].constructor', '$.c.prototype']);
  });

  it('leaves nothing that a later naive merge could turn into prototype pollution', () => {
    const { value } = sanitizeJson(JSON.parse('{"__proto__":{"polluted":"yes"}}'));
    const merged = Object.assign({}, value);
    const deep: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) deep[k] = v;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('keeps ordinary values as they are', () => {
    const source = { s: 'x', n: 1.5, t: true, z: null, arr: [1, 'two', { three: 3 }] };
    expect(sanitizeJson(source)).toEqual({ value: source, droppedKeys: [] });
  });
});
