import { decodeImcBody, IMC_MAX_BODY_BYTES } from './imc-body.decoder.js';
import { imcSeedSampleJson, readImcSeedSample } from './fixtures/imc-seed-samples.js';

const text = readImcSeedSample('registration-change');
const expected = imcSeedSampleJson('registration-change');

describe('decodeImcBody', () => {
  describe('decodes every way the JSON arrives', () => {
    const encodings: [string, unknown][] = [
      ['an AMQP value object (rhea decoded a map)', JSON.parse(text)],
      ['an AMQP value string', text],
      ['a rhea data section {typecode: 0x75, content: Buffer}', { typecode: 0x75, content: Buffer.from(text) }],
      [
        'several rhea data sections (multiple: true)',
        { typecode: 0x75, multiple: true, content: [Buffer.from(text.slice(0, 40)), Buffer.from(text.slice(40))] },
      ],
      ['a Buffer (Azure Service Bus SDK)', Buffer.from(text)],
      ['a plain Uint8Array', new TextEncoder().encode(text)],
      ['an ArrayBuffer', new TextEncoder().encode(text).buffer],
      ['a Buffer serialized to JSON (job payload)', JSON.parse(JSON.stringify(Buffer.from(text)))],
      ['a data section whose Buffer was serialized to JSON', JSON.parse(JSON.stringify({ typecode: 0x75, content: Buffer.from(text) }))],
      ['an AMQP value section object {typecode: 0x77}', { typecode: 0x77, content: text }],
      ['bytes with a UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['a string with surrounding whitespace', `\n  ${text}  \n`],
    ];
    it.each(encodings)('%s', (_name, body) => {
      expect(decodeImcBody(body)).toEqual({ ok: true, json: expected });
    });
  });

  it('keeps non-ASCII text intact across a multi-byte split between data sections', () => {
    const bytes = Buffer.from('{"title":"Übung für Größen"}');
    const split = { typecode: 0x75, multiple: true, content: [bytes.subarray(0, 11), bytes.subarray(11)] };
    expect(decodeImcBody(split)).toEqual({ ok: true, json: { title: 'Übung für Größen' } });
  });

  it('returns a fresh plain copy of an object body, not the transport object', () => {
    const body = Object.assign(Object.create(null), { a: { b: 1 } }) as Record<string, unknown>;
    const result = decodeImcBody(body);
    expect(result).toEqual({ ok: true, json: { a: { b: 1 } } });
    if (result.ok) expect(Object.getPrototypeOf(result.json)).toBe(Object.prototype);
  });

  describe('malformed bodies give a reason', () => {
    const cases: [string, unknown, string, string | undefined][] = [
      ['no body', undefined, 'empty_body', undefined],
      ['null', null, 'empty_body', undefined],
      ['an empty string', '  ', 'empty_body', undefined],
      ['an empty data section', { typecode: 0x75, content: Buffer.alloc(0) }, 'empty_body', undefined],
      ['the seed sample as printed (no opening brace)', '"login":"imc_super",\n"identifier":2\n}', 'invalid_json', undefined],
      ['a stray bracket', '{"summary":"x"]', 'invalid_json', undefined],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'invalid_utf8', undefined],
      ['a JSON array', '[1,2]', 'not_an_object', undefined],
      ['a JSON string', '"hello"', 'not_an_object', undefined],
      ['a number value', 42, 'unsupported_body', undefined],
      ['an amqp-sequence section', { typecode: 0x76, content: [[1]] }, 'unsupported_body', undefined],
      ['a data section holding text', { typecode: 0x75, content: 'x' }, 'unsupported_body', undefined],
      ['an unknown section', { typecode: 0x99, content: 'x' }, 'unsupported_body', undefined],
      ['an object holding a Date', { timestamp: new Date() }, 'unsupported_value', 'timestamp'],
      ['an object holding NaN', { price: Number.NaN }, 'unsupported_value', 'price'],
      ['an object holding a function', { f: () => 1 }, 'unsupported_value', 'f'],
    ];
    it.each(cases)('%s', (_name, body, code, field) => {
      const result = decodeImcBody(body);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason.code).toBe(code);
        if (field) expect(result.reason.field).toBe(field);
        expect(result.reason.detail).toEqual(expect.any(String));
      }
    });
  });

  describe('guards against prototype pollution', () => {
    it.each([
      ['__proto__ at the top', '{"__proto__":{"polluted":true},"a":1}', '__proto__'],
      ['__proto__ nested in an array', '{"metadata":[{"__proto__":{"polluted":true}}]}', 'metadata[0].__proto__'],
      ['constructor.prototype', '{"constructor":{"prototype":{"polluted":true}}}', 'constructor'],
    ])('refuses %s and names the path', (_name, body, field) => {
      const result = decodeImcBody(body);
      expect(result).toEqual({ ok: false, reason: { code: 'forbidden_key', field, detail: expect.any(String) } });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses an object whose prototype a map key already replaced', () => {
      const body: Record<string, unknown> = {};
      body['__proto__'] = { polluted: true }; // what a naive decoder assigning map keys does
      expect(decodeImcBody(body)).toMatchObject({ ok: false, reason: { code: 'unsupported_value' } });
    });
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(decodeImcBody(deep)).toMatchObject({ ok: false, reason: { code: 'too_deep' } });
  });

  it('refuses a body above the size limit before parsing it', () => {
    const big = Buffer.alloc(IMC_MAX_BODY_BYTES + 1, 0x20);
    expect(decodeImcBody(big)).toMatchObject({ ok: false, reason: { code: 'body_too_large' } });
  });
});
