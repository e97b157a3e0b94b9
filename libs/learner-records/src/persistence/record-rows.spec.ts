import { compareKeys, pgArray, pgColumn } from './record-rows.js';

describe('pgArray', () => {
  it('writes Postgres array literals: quoted strings, NULL, t/f, numbers', () => {
    expect(pgArray(['a', null, 'b c'])).toBe('{"a",null,"b c"}');
    expect(pgArray([true, false, null])).toBe('{true,false,null}');
    expect(pgArray([1, 2.5, -3])).toBe('{1,2.5,-3}');
    expect(pgArray([])).toBe('{}');
  });

  it('escapes quotes and backslashes, and keeps braces and commas inside quotes', () => {
    expect(pgArray(['o"brien', 'back\\slash', '{a,b}', 'NULL'])).toBe('{"o\\"brien","back\\\\slash","{a,b}","NULL"}');
  });

  it('reads a column of objects without an intermediate array', () => {
    expect(pgColumn([{ v: 'x' }, { v: null }], (o) => o.v)).toBe('{"x",null}');
  });
});

describe('compareKeys', () => {
  it('orders keys by program, participant, learning object, system', () => {
    const key = (p: string, u: string, o: string, s = 'LB' as const) => ({ PublisherProgramId: p, PublisherParticipantId: u, LearningObjectId: o, PublisherSystemId: s });
    const keys = [key('B', 'a', 'x'), key('A', 'b', 'x'), key('A', 'a', 'y'), key('A', 'a', 'x', 'ALM' as 'LB'), key('A', 'a', 'x')];
    expect(keys.sort(compareKeys).map((k) => `${k.PublisherProgramId}${k.PublisherParticipantId}${k.LearningObjectId}${k.PublisherSystemId}`)).toEqual(['AaxALM', 'AaxLB', 'Aay' + 'LB', 'AbxLB', 'BaxLB']);
  });
});

describe('pgArray fallbacks', () => {
  it('writes strings that JSON would escape the Postgres way', () => {
    expect(pgArray(['tab\there', 'ünï', null])).toBe('{"tab\there","ünï",NULL}');
  });
});
