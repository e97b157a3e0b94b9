import { isLanguageTag } from './language-tag.format.js';

describe('RFC 5646 language tags (Data 2.2.s4.b2, Data 4.2, XAPI-00013, XAPI-00121)', () => {
  it.each([
    'de',
    'ine',
    'tlh',
    'en-US',
    'zh-Hant',
    'sr-Latn',
    'zh-cmn-Hans-CN',
    'sr-Latn-RS',
    'sl-rozaj-biske',
    'de-CH-1901',
    'hy-Latn-IT-arevela',
    'es-419',
    'az-Arab-x-AZE-derbend',
    'x-whatever',
    'i-enochian',
    'zh-min-nan',
    'en-a-bbb-x-a-ccc',
  ])('accepts the valid tag %s', (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });

  it.each([
    ['de-419-DE', 'two region subtags'],
    ['a-DE', 'a single-character primary subtag'],
    ['ar-a-aaa-b-bbb-a-ccc', 'the same extension singleton twice'],
    ['de-DE-1901-1901', 'the same variant twice'],
    ['a12345', 'digits in the primary subtag'],
    ['en_US', 'an underscore separator'],
    ['', 'the empty string'],
    ['en-', 'a trailing separator'],
    ['supercalifragilistic', 'a primary subtag longer than 8 letters'],
  ])('rejects %s (%s)', (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });
});
