import { isIri } from '../formats/identifier.format.js';
import { validateLanguageMap } from './language-map.validator.js';
import { at, isMissing, isPlainObject, rejectUnknownKeys, requireValue, type Issues } from './validation-issues.js';

/** A Verb (Data 2.4.3): an IRI id and an optional display Language Map. */
export function validateVerb(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be a Verb object');
    return;
  }
  rejectUnknownKeys(value, ['id', 'display'], path, issues);
  if (requireValue(value, 'id', path, issues) && !isIri(value['id'])) issues.add(at(path, 'id'), 'must be an IRI');
  if (!isMissing(value['display'])) validateLanguageMap(value['display'], at(path, 'display'), issues);
}
