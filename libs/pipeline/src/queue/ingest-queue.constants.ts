import type { JobsOptions } from 'bullmq';
import type { PublisherSystemId } from '@hub/event-store';

/** The one queue every ingress feeds and every worker drains. */
export const INGEST_QUEUE = 'ingest';

export const INGEST_JOB = {
  /** A raw payload from one source, to be normalized and stored. */
  PAYLOAD: 'payload',
} as const;

/** Attempts and backoff for transient faults (database down): 1 s doubling, about 68 minutes in all. */
export const INGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: false,
};

/** What an ingress hands the pipeline: the payload exactly as the authenticated sender sent it. */
export interface IngestPayload {
  source: PublisherSystemId;
  /** The program the payload belongs to (the key's program, the webhook's, the client's, IMC_PROGRAM_ID). */
  programId: string;
  /** The raw body, as text. */
  body: string;
  contentType?: string;
  receivedUtc: string;
  /** Joins worker logs to the request that caused them. */
  correlationId?: string;
  /** Source-specific facts the normalizer needs (webhook id, imc topic, ...). */
  context?: Record<string, string>;
}

/** What the worker reports for a job (kept on the completed job for Bull Board and tests). */
export interface IngestResult {
  stored: number;
  duplicates: number;
  deadLettered: boolean;
}
