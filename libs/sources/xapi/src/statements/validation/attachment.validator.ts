import { SIGNATURE_CONTENT_TYPE, SIGNATURE_USAGE_TYPE } from '../../xapi.constants.js';
import { isIri, isIrl, isMediaType, isSha2Hex, mediaTypeEssence } from '../formats/identifier.format.js';
import { validateLanguageMap } from './language-map.validator.js';
import {
  at,
  atIndex,
  isMissing,
  isPlainObject,
  rejectUnknownKeys,
  requireValue,
  type Issues,
} from './validation-issues.js';

const ATTACHMENT_KEYS = ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'] as const;

/** The "attachments" array (Data 2.4.11). Whether raw data accompanies them is checked with the request's parts. */
export function validateAttachments(value: unknown, path: string, issues: Issues): void {
  if (!Array.isArray(value)) {
    issues.add(path, 'must be an array of Attachment objects');
    return;
  }
  value.forEach((attachment, index) => validateAttachment(attachment, atIndex(path, index), issues));
}

function validateAttachment(value: unknown, path: string, issues: Issues): void {
  if (!isPlainObject(value)) {
    issues.add(path, 'must be an Attachment object');
    return;
  }
  rejectUnknownKeys(value, ATTACHMENT_KEYS, path, issues);
  if (requireValue(value, 'usageType', path, issues) && !isIri(value['usageType'])) {
    issues.add(at(path, 'usageType'), 'must be an IRI');
  }
  if (requireValue(value, 'display', path, issues)) validateLanguageMap(value['display'], at(path, 'display'), issues);
  if (!isMissing(value['description'])) validateLanguageMap(value['description'], at(path, 'description'), issues);
  const contentType = value['contentType'];
  if (requireValue(value, 'contentType', path, issues) && !isMediaType(contentType)) {
    issues.add(at(path, 'contentType'), 'must be an Internet Media Type such as text/plain');
  }
  const length = value['length'];
  if (requireValue(value, 'length', path, issues) && !(typeof length === 'number' && Number.isInteger(length) && length >= 0)) {
    issues.add(at(path, 'length'), 'must be a non-negative integer (octets)');
  }
  if (requireValue(value, 'sha2', path, issues) && !isSha2Hex(value['sha2'])) {
    issues.add(at(path, 'sha2'), 'must be a hex SHA-2 hash (SHA-224, -256, -384 or -512)');
  }
  if (!isMissing(value['fileUrl']) && !isIrl(value['fileUrl'])) issues.add(at(path, 'fileUrl'), 'must be an IRL');
  if (
    value['usageType'] === SIGNATURE_USAGE_TYPE &&
    isMediaType(contentType) &&
    mediaTypeEssence(contentType) !== SIGNATURE_CONTENT_TYPE
  ) {
    // Data 2.6.s4.b1: anything else is a malformed signature.
    issues.add(at(path, 'contentType'), `a signature attachment must have contentType ${SIGNATURE_CONTENT_TYPE}`);
  }
}
