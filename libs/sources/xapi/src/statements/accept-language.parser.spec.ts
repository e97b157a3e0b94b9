import { parseAcceptLanguage, pickLanguage } from './accept-language.parser.js';

describe('Accept-Language (RFC 2616 section 14.4, Communication 2.1.3.s4.b5)', () => {
  it('orders ranges by quality, then by header order', () => {
    expect(parseAcceptLanguage('de;q=0.5, en-GB, fr;q=0.8, *;q=0.1').map((p) => p.range)).toEqual(['en-GB', 'fr', 'de', '*']);
  });

  it('skips malformed entries instead of failing', () => {
    expect(parseAcceptLanguage('en-US, ;;, 12-$$')).toEqual([{ range: 'en-US', quality: 1 }]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('picks the exact tag, then a tag the range is a prefix of', () => {
    const tags = ['en-US', 'en-GB', 'de'];
    expect(pickLanguage(tags, parseAcceptLanguage('en-GB'))).toBe('en-GB');
    expect(pickLanguage(tags, parseAcceptLanguage('en'))).toBe('en-US');
    expect(pickLanguage(tags, parseAcceptLanguage('fr, de;q=0.3'))).toBe('de');
  });

  it('honours q=0 and the wildcard, and falls back to the first entry so one language remains', () => {
    const tags = ['en-US', 'de'];
    expect(pickLanguage(tags, parseAcceptLanguage('*, en;q=0'))).toBe('de');
    expect(pickLanguage(tags, parseAcceptLanguage('fr'))).toBe('en-US');
    expect(pickLanguage(tags, [])).toBe('en-US');
  });
});
