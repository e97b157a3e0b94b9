/**
 * The hub's vocabulary of learning actions. Every source's events are mapped onto these few actions, so the
 * record rules are written once and do not know about LB, ALM, imc or xAPI.
 */
export type CompletionOutcome = 'passed' | 'failed' | 'unknown';

export type LearningAction =
  | { kind: 'enrol' }
  | { kind: 'unenrol' }
  | { kind: 'waitlist' }
  | { kind: 'start' }
  /** Percent is clamped to 0..100 by the mappers. */
  | { kind: 'progress'; percent: number }
  | { kind: 'complete'; outcome: CompletionOutcome }
  | { kind: 'reopen' }
  /** A calendar date `YYYY-MM-DD`. */
  | { kind: 'dueDateSet'; dueDate: string }
  | { kind: 'dueDateCleared' }
  /** A source status the hub cannot map: only `SourceStatus` follows it, `Status` stays as it was. */
  | { kind: 'note' }
  /**
   * The source took back an earlier event (an xAPI voiding Statement): the facts of `voidedEventId` no longer count,
   * whenever either of them arrives. See `foldFacts`.
   */
  | { kind: 'void'; voidedEventId: string };

export type LearningActionKind = LearningAction['kind'];

/**
 * Tie-break for facts with the same source time: the order in which the actions happen in a learner's life, so
 * "enrolled and started in the same second" ends started, "completed and reopened" ends reopened. Due dates and
 * notes come first so that a mapped status of the same instant decides `SourceStatus`.
 */
export const ACTION_RANK: Readonly<Record<LearningActionKind, number>> = {
  // A void does not happen at an instant of the learner's life: it sorts before every other fact of its record
  // whatever its time (see sortKeyOf), so this rank only orders voids among themselves.
  void: -1,
  dueDateSet: 0,
  dueDateCleared: 0,
  note: 1,
  waitlist: 2,
  enrol: 3,
  start: 4,
  progress: 5,
  complete: 6,
  reopen: 7,
  unenrol: 8,
};
