import type { ImcMessageKind } from './messages/imc-message.types.js';

/** The six imc topics (seed section 1), by role. */
export const IMC_TOPIC = {
  login: 'de.imc.ils_login',
  courseChanges: 'de.imc.ils_course-changes',
  /** Every registration change. */
  registrations: 'de.imc.ils_registrations',
  /** Only completions: the same messages again, also on `registrations`. */
  completions: 'de.imc.ils_completions',
  /** Only cancellations: the same messages again, also on `registrations`. */
  cancellations: 'de.imc.ils_cancellations',
  recertDueDateChanges: 'de.imc.ils_recert-due-date-changes',
} as const;

export type ImcTopic = (typeof IMC_TOPIC)[keyof typeof IMC_TOPIC];

/** All six, the default of `IMC_TOPICS`. */
export const IMC_TOPICS: readonly ImcTopic[] = Object.values(IMC_TOPIC);

/** Which message each topic carries. */
export const IMC_TOPIC_KIND: Readonly<Record<ImcTopic, ImcMessageKind>> = {
  [IMC_TOPIC.login]: 'login',
  [IMC_TOPIC.courseChanges]: 'course-change',
  [IMC_TOPIC.registrations]: 'registration-change',
  [IMC_TOPIC.completions]: 'registration-change',
  [IMC_TOPIC.cancellations]: 'registration-change',
  [IMC_TOPIC.recertDueDateChanges]: 'recert-due-date-change',
};

/**
 * The imc topic behind a broker address, or null. Brokers decorate the name: ActiveMQ `topic://…`, RabbitMQ
 * `/topic/…` or `/exchange/amq.topic/…`, Artemis `topic::queue` (FQQN); Service Bus entity names are
 * case-insensitive.
 */
export function resolveImcTopic(address: string): ImcTopic | null {
  const name = address
    .trim()
    .replace(/^topic:\/\//i, '')
    .replace(/^\/(?:topic|exchange\/amq\.topic)\//i, '')
    .replace(/::.*$/, '')
    .toLowerCase();
  return IMC_TOPICS.find((topic) => topic === name) ?? null;
}
