import { ServiceUnavailableException } from '@nestjs/common';

/** Seconds a sender should wait before retrying when the pipeline cannot take a payload. */
export const RETRY_AFTER_SECONDS = 1;

/** The pipeline could not durably take the payload: the ingress answers 503 with Retry-After, never a success. */
export class PipelineUnavailableError extends ServiceUnavailableException {
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;

  constructor(cause: unknown) {
    super('The ingest pipeline is unavailable; nothing was accepted. Retry later.', { cause });
  }
}
