import { multipartBoundary, parseMultipartMixed } from './multipart-mixed.parser.js';

const TYPE = 'multipart/mixed; boundary=-------abc123';
const lines = (eol: string, ...parts: string[]) => Buffer.from(parts.join(eol), 'latin1');

describe('multipart/mixed parsing (RFC 2046 section 5.1, Communication 1.5.2)', () => {
  it('reads the boundary from the Content-Type header, quoted or not', () => {
    expect(multipartBoundary(TYPE)).toBe('-------abc123');
    expect(multipartBoundary('Multipart/Mixed; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('multipart/mixed;')).toBeUndefined();
    expect(multipartBoundary('multipart/form-data; boundary=x')).toBeUndefined();
  });

  it.each([
    ['CRLF', '\r\n'],
    ['bare LF', '\n'],
  ])('splits parts with %s line breaks, headers lower-cased', (_name, eol) => {
    const body = lines(eol, '---------abc123', 'Content-Type: application/json', '', '{"a":1}', '---------abc123', 'X-Thing: yes', '', 'two', 'lines', '---------abc123--', '');
    const parsed = parseMultipartMixed(body, TYPE);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.parts.map((p) => [p.headers, p.body.toString('latin1')])).toEqual([
      [{ 'content-type': 'application/json' }, '{"a":1}'],
      [{ 'x-thing': 'yes' }, `two${eol}lines`],
    ]);
  });

  it('ignores a preamble and an epilogue, and accepts headers without a space after the colon', () => {
    const body = Buffer.from('\r\n---------abc123\r\nContent-Type:application/json\r\n\r\n{}\r\n---------abc123--');
    const parsed = parseMultipartMixed(Buffer.concat([Buffer.from('preamble'), body, Buffer.from('\r\nepilogue')]), TYPE);
    expect(parsed.ok && parsed.parts).toEqual([{ headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') }]);
  });

  it('keeps binary content byte for byte', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80]);
    const body = Buffer.concat([Buffer.from('---------abc123\r\nA: b\r\n\r\n'), bytes, Buffer.from('\r\n---------abc123--\r\n')]);
    const parsed = parseMultipartMixed(body, TYPE);
    expect(parsed.ok && parsed.parts[0]?.body.equals(bytes)).toBe(true);
  });

  it('rejects a body without the boundary, without closing boundary, or with a malformed header line', () => {
    expect(parseMultipartMixed(Buffer.from('{"actor":1}'), TYPE).ok).toBe(false);
    expect(parseMultipartMixed(lines('\n', '---------abc123', 'A: b', '', 'x'), TYPE).ok).toBe(false);
    expect(parseMultipartMixed(lines('\n', '---------abc123', 'no colon here', '', 'x', '---------abc123--'), TYPE).ok).toBe(false);
  });

  it('rejects a request whose Content-Type has no boundary', () => {
    expect(parseMultipartMixed(lines('\n', '---------abc123', '', 'x', '---------abc123--'), 'multipart/mixed;')).toEqual({
      ok: false,
      errors: [{ path: 'Content-Type', message: 'must be multipart/mixed with a boundary parameter' }],
    });
  });
});
