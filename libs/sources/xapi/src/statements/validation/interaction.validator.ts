import {
  INTERACTION_COMPONENT_LISTS,
  INTERACTION_TYPES,
  type InteractionComponentList,
  type InteractionType,
} from '../statement.types.js';
import { validateLanguageMap } from './language-map.validator.js';
import {
  at,
  atIndex,
  checkString,
  isMissing,
  isPlainObject,
  rejectUnknownKeys,
  requireValue,
  type Issues,
} from './validation-issues.js';

/** Which component lists each interactionType supports (Data 2.4.4.1.s15.table2). */
const LISTS_BY_TYPE: Record<InteractionType, readonly InteractionComponentList[]> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

/**
 * The interaction properties of an Activity Definition (Data 2.4.4.1.s8-s16). Data 2.4.4.1.s13.b3 lets the LRS refuse
 * component lists an interactionType does not support, which keeps stored definitions meaningful; response patterns
 * and their lengths are not checked (Data 2.4.4.1.s13.b4-b5).
 */
export function validateInteraction(definition: Record<string, unknown>, path: string, issues: Issues): void {
  const interactionType = definition['interactionType'];
  const usedLists = INTERACTION_COMPONENT_LISTS.filter((list) => definition[list] !== undefined);
  const usesPattern = definition['correctResponsesPattern'] !== undefined;

  let type: InteractionType | undefined;
  if (interactionType === undefined) {
    if (usedLists.length > 0 || usesPattern) {
      // XAPI-00064: interaction properties are meaningless without their interactionType.
      issues.add(at(path, 'interactionType'), 'is required when correctResponsesPattern or a component list is used');
    }
  } else if (interactionType !== null) {
    if (typeof interactionType === 'string' && (INTERACTION_TYPES as readonly string[]).includes(interactionType)) {
      type = interactionType as InteractionType;
    } else {
      issues.add(at(path, 'interactionType'), `must be one of ${INTERACTION_TYPES.join(', ')} (case-sensitive)`);
    }
  }

  if (usesPattern) validatePattern(definition['correctResponsesPattern'], at(path, 'correctResponsesPattern'), issues);
  for (const list of usedLists) {
    const listPath = at(path, list);
    if (type && !LISTS_BY_TYPE[type].includes(list)) issues.add(listPath, `is not used by interactionType "${type}"`);
    validateComponents(definition[list], listPath, issues);
  }
}

function validatePattern(value: unknown, path: string, issues: Issues): void {
  if (isMissing(value)) return;
  if (!Array.isArray(value)) {
    issues.add(path, 'must be an array of strings');
    return;
  }
  value.forEach((pattern, index) => {
    if (pattern !== null) checkString(pattern, atIndex(path, index), issues);
  });
}

function validateComponents(value: unknown, path: string, issues: Issues): void {
  if (isMissing(value)) return;
  if (!Array.isArray(value)) {
    issues.add(path, 'must be an array of interaction components');
    return;
  }
  const seen = new Set<string>();
  value.forEach((component, index) => {
    const componentPath = atIndex(path, index);
    if (!isPlainObject(component)) {
      issues.add(componentPath, 'must be an interaction component object');
      return;
    }
    rejectUnknownKeys(component, ['id', 'description'], componentPath, issues);
    if (requireValue(component, 'id', componentPath, issues) && checkString(component['id'], at(componentPath, 'id'), issues)) {
      const id = component['id'] as string;
      if (seen.has(id)) issues.add(at(componentPath, 'id'), `"${id}" is used twice; component ids must be distinct`);
      seen.add(id);
    }
    if (!isMissing(component['description'])) {
      validateLanguageMap(component['description'], at(componentPath, 'description'), issues);
    }
  });
}
