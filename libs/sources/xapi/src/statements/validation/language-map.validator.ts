import { isLanguageTag } from '../formats/language-tag.format.js';
import { at, isPlainObject, type Issues } from './validation-issues.js';

/** A Language Map (Data 4.2): at least one entry, RFC 5646 keys, string values. */
export function validateLanguageMap(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a Language Map (an object of language tag -> string)');
    return;
  }
  // Emptiness is already reported by the null/empty pass; an empty map has nothing else to check.
  for (const [tag, text] of Object.entries(value)) {
    if (!isLanguageTag(tag)) issues.add(at(path, tag), `"${tag}" is not an RFC 5646 language tag`);
    if (text !== null && typeof text !== 'string') issues.add(at(path, tag), 'must be a string');
  }
}
