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
