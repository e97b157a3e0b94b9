/**
 * RFC 5646 language tags (Data 2.2.s4.b2: the LRS MUST at least validate the sequence of subtag lengths).
 * The grammar is implemented in full, including the grandfathered tags, plus RFC 5646's rule that an extension
 * singleton and a variant appear at most once, which a regular expression alone cannot express.
 */

const ALNUM = '[A-Za-z0-9]';
const LANGUAGE = '(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4}|[A-Za-z]{5,8})';
const SCRIPT = '[A-Za-z]{4}';
const REGION = '(?:[A-Za-z]{2}|[0-9]{3})';
const VARIANT = `(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3})`;
const SINGLETON = '[0-9A-WYZa-wyz]';
const EXTENSION = `${SINGLETON}(?:-${ALNUM}{2,8})+`;
const PRIVATE_USE = `[xX](?:-${ALNUM}{1,8})+`;

const LANGTAG = new RegExp(
  `^(?<language>${LANGUAGE})(?:-${SCRIPT})?(?:-${REGION})?(?<variants>(?:-${VARIANT})*)(?<extensions>(?:-${EXTENSION})*)(?:-${PRIVATE_USE})?$`,
);
const PRIVATE_USE_ONLY = new RegExp(`^${PRIVATE_USE}$`);

const GRANDFATHERED = new Set(
  [
    'en-GB-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo',
    'i-pwn', 'i-tao', 'i-tay', 'i-tsu', 'sgn-BE-FR', 'sgn-BE-NL', 'sgn-CH-DE', 'art-lojban', 'cel-gaulish', 'no-bok',
    'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
  ].map((tag) => tag.toLowerCase()),
);

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (GRANDFATHERED.has(value.toLowerCase()) || PRIVATE_USE_ONLY.test(value)) return true;
  const match = LANGTAG.exec(value);
  if (!match?.groups) return false;
  return noRepeats(match.groups['variants'] ?? '', (subtag) => subtag) && noRepeatedSingletons(match.groups['extensions'] ?? '');
}

function noRepeats(sequence: string, key: (subtag: string) => string): boolean {
  const seen = new Set<string>();
  for (const subtag of sequence.split('-').filter(Boolean)) {
    const k = key(subtag).toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

// "ar-a-aaa-b-bbb-a-ccc" repeats the singleton "a" (RFC 5646 section 2.2.6, rule 3).
function noRepeatedSingletons(extensions: string): boolean {
  const singletons = extensions.split('-').filter((subtag) => subtag.length === 1);
  return new Set(singletons.map((s) => s.toLowerCase())).size === singletons.length;
}
