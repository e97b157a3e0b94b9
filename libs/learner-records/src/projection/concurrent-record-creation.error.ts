import { recordKeyOf, type LearnerRecordKey } from '../domain/index.js';

/**
 * Another transaction created a record this batch also meant to create: this batch's fold did not include that
 * transaction's facts, so it must start over. Carries SQLSTATE 40001 (serialization_failure) because that is what it
 * is, and the pipeline retries every serialization failure.
 */
export class ConcurrentRecordCreationError extends Error {
  readonly code = '40001';

  constructor(missing: number) {
    super(`${missing} learner record(s) were created concurrently by another transaction; the batch must be retried`);
    this.name = 'ConcurrentRecordCreationError';
  }
}

/**
 * A record's insert conflicted with a stored record that a lookup by the same key cannot find: the key was stored
 * differently from how it was sent. Not a race, so not retried in place: SQLSTATE 22000 (data exception) makes the
 * projection skip the event with this reason (logged and counted) instead of looping.
 */
export class RecordKeyMismatchError extends Error {
  readonly code = '22000';

  constructor(key: LearnerRecordKey) {
    super(`learner record ${recordKeyOf(key)} conflicts with a stored record that cannot be found by its key`);
    this.name = 'RecordKeyMismatchError';
  }
}
