import { isIri, isMailtoIri, isMediaType, isSha1Hex, isSha2Hex, isUuid, isXapiVersion } from './identifier.format.js';

describe('formatted strings (Data 2.2.s4.b1.b4, b1.b8)', () => {
  it('accepts UUIDs in standard string form, either case (Data 4.4)', () => {
    expect(isUuid('fd41c918-b88b-4b20-a0a5-a4c32391aaa0')).toBe(true);
    expect(isUuid('FD41C918-B88B-4B20-A0A5-A4C32391AAA0')).toBe(true);
  });

  it.each(['AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', 'fd41c918b88b4b20a0a5a4c32391aaa0', ''])(
    'rejects the malformed UUID %s',
    (value) => {
      expect(isUuid(value)).toBe(false);
    },
  );

  it.each(['http://adlnet.gov/expapi/verbs/completed', 'urn:partnernamespace:objecttype:objectid', 'http://example.com/فعل/خواندن', 'mailto:a@b.c'])(
    'accepts the IRI %s',
    (value) => {
      expect(isIri(value)).toBe(true);
    },
  );

  it.each(['ab=c://should.fail.com', 'should fail', 'different value', '', '/relative/path', 'http://exa mple.com'])(
    'rejects %s, an IRI without a valid scheme or with whitespace (XAPI-00011)',
    (value) => {
      expect(isIri(value)).toBe(false);
    },
  );

  it('requires mbox to be "mailto:" plus an email address (XAPI-00038)', () => {
    expect(isMailtoIri('mailto:max.mustermann@somedomain.com')).toBe(true);
    expect(isMailtoIri('mailto:should.fail.com')).toBe(false);
    expect(isMailtoIri('http://should.fail.com')).toBe(false);
    expect(isMailtoIri('max@somedomain.com')).toBe(false);
  });

  it('requires hex digests of the right length for mbox_sha1sum and sha2', () => {
    expect(isSha1Hex('cd9b00a5611f94eaa7b1661edab976068e364975')).toBe(true);
    expect(isSha1Hex('cd9b00a5611f94eaa7b1661edab976068e36497')).toBe(false);
    expect(isSha2Hex('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9')).toBe(true);
    expect(isSha2Hex('b94d27b9934d3e08')).toBe(false);
  });

  it('recognises Internet Media Types (XAPI-00105)', () => {
    expect(isMediaType('text/plain; charset=ascii')).toBe(true);
    expect(isMediaType('application/octet-stream')).toBe(true);
    expect(isMediaType('should fail')).toBe(false);
  });

  it('accepts versions "1.0" and "1.0.x" only (XAPI-00101)', () => {
    expect(['1.0', '1.0.0', '1.0.3', '1.0.9'].every(isXapiVersion)).toBe(true);
    expect(['0.9.9', '1.1.0', 'should fail', '1.0.', '2.0.0'].some(isXapiVersion)).toBe(false);
  });
});
