import { IMC_TOPIC_KIND, resolveImcTopic } from '../imc-topics.js';
import { parseImcCourseChange } from './course-change.parser.js';
import type { ImcMessage, ImcMessageKind } from './imc-message.types.js';
import { rejection } from './imc-rejection.js';
import type { JsonObject } from './json-value.js';
import { parseImcLogin } from './login.parser.js';
import type { ImcParseResult } from './parse-result.js';
import { parseImcRecertDueDateChange } from './recert-due-date-change.parser.js';
import { parseImcRegistrationChange } from './registration-change.parser.js';

const PARSERS: Record<ImcMessageKind, (json: JsonObject) => ImcParseResult<ImcMessage>> = {
  login: parseImcLogin,
  'course-change': parseImcCourseChange,
  'registration-change': parseImcRegistrationChange,
  'recert-due-date-change': parseImcRecertDueDateChange,
};

/** Parses a decoded body by its topic: imc bodies carry no type field, the topic is what says what they are. */
export function parseImcMessage(topic: string, json: JsonObject): ImcParseResult<ImcMessage> {
  const resolved = resolveImcTopic(topic);
  if (resolved === null) return rejection('unknown_topic', `"${topic}" is not one of the six imc topics`, 'topic');
  return PARSERS[IMC_TOPIC_KIND[resolved]](json);
}
