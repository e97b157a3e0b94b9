/** The LearningBuilder event types of the seed (learning-hub-event-model.txt). */
export const LB_EVENT_TYPES = [
  'LPI_STARTED',
  'LPI_COMP_UNSUCCESS',
  'LPI_COMP_SUCCESS',
  'LPI_REOPENED',
  'AI_STARTED',
  'AI_COMP_UNSUCCESS',
  'AI_COMP_SUCCESS',
  'AI_REOPENED',
] as const;
export type LbEventType = (typeof LB_EVENT_TYPES)[number];
