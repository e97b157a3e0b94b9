import { isIri, isIrl } from '../formats/identifier.format.js';
import { INTERACTION_COMPONENT_LISTS } from '../statement.types.js';
import { validateExtensions } from './extensions.validator.js';
import { validateInteraction } from './interaction.validator.js';
import { validateLanguageMap } from './language-map.validator.js';
import { at, isMissing, isPlainObject, rejectUnknownKeys, requireValue, type Issues } from './validation-issues.js';

const DEFINITION_KEYS = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...INTERACTION_COMPONENT_LISTS,
] as const;

/** An Activity (Data 2.4.4.1): as a Statement's object, a context activity, or a SubStatement's object. */
export function validateActivity(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an Activity object');
    return;
  }
  rejectUnknownKeys(value, ['objectType', 'id', 'definition'], path, issues);
  const objectType = value['objectType'];
  if (!isMissing(objectType) && objectType !== 'Activity') {
    issues.add(at(path, 'objectType'), 'must be "Activity" when present');
  }
  if (requireValue(value, 'id', path, issues) && !isIri(value['id'])) issues.add(at(path, 'id'), 'must be an IRI');
  if (!isMissing(value['definition'])) validateActivityDefinition(value['definition'], at(path, 'definition'), issues);
}

function validateActivityDefinition(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an Activity Definition object');
    return;
  }
  rejectUnknownKeys(value, DEFINITION_KEYS, path, issues);
  if (!isMissing(value['name'])) validateLanguageMap(value['name'], at(path, 'name'), issues);
  if (!isMissing(value['description'])) validateLanguageMap(value['description'], at(path, 'description'), issues);
  if (!isMissing(value['type']) && !isIri(value['type'])) issues.add(at(path, 'type'), 'must be an IRI');
  if (!isMissing(value['moreInfo']) && !isIrl(value['moreInfo'])) issues.add(at(path, 'moreInfo'), 'must be an IRL');
  if (value['extensions'] !== undefined && value['extensions'] !== null) {
    validateExtensions(value['extensions'], at(path, 'extensions'), issues);
  }
  validateInteraction(value, path, issues);
}
