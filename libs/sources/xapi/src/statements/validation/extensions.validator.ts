import { isIri } from '../formats/identifier.format.js';
import { at, isPlainObject, type Issues } from './validation-issues.js';

/** Extensions (Data 4.1): keys MUST be IRIs; values are never grounds for rejection, null and {} included. */
export function validateExtensions(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an object of IRI -> value');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!isIri(key)) issues.add(at(path, key), `extension key "${key}" is not an IRI`);
  }
}
