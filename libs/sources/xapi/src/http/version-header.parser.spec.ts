import { parseVersionHeader } from './version-header.parser.js';

describe('X-Experience-API-Version request header (Communication 3.3, XAPI-00331)', () => {
  it('reads "1.0" as "1.0.0" and accepts any 1.0.x (Communication 3.3.s3.b3, b5)', () => {
    expect(parseVersionHeader('1.0')).toEqual({ ok: true, version: '1.0.0' });
    expect(parseVersionHeader('1.0.3')).toEqual({ ok: true, version: '1.0.3' });
    expect(parseVersionHeader('1.0.42')).toEqual({ ok: true, version: '1.0.42' });
  });

  it('rejects a missing header and versions before 1.0.0 or from 1.1.0 on (Communication 3.3.s3.b4, b6)', () => {
    for (const value of [undefined, '', '0.95', '0.9.9', '1.1.0', '2.0.0', 'latest', ['1.0.3', '1.0.3']]) {
      expect(parseVersionHeader(value).ok).toBe(false);
    }
  });
});
