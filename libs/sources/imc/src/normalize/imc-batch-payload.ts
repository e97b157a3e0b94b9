/**
 * Several imc messages in one pipeline job. The consumer hands the messages it received in the same turn of the event
 * loop to the pipeline together: one queue write and one job instead of one per message, which is what bounded a
 * worker that both consumes and stores. A lone message keeps the plain form (its raw body, its topic in the context).
 */
export const IMC_BATCH_CONTENT_TYPE = 'application/vnd.learning-hub.imc-batch+json';

/** One message of a batch: its raw body as text, and where it came from. */
export interface ImcBatchMessage {
  topic: string;
  body: string;
  messageId?: string;
}

export function encodeImcBatch(messages: readonly ImcBatchMessage[]): string {
  return JSON.stringify({ messages });
}

/** The messages of a batch body, or a reason it is not one (a job edited by hand, say). */
export function decodeImcBatch(text: string): { ok: true; messages: ImcBatchMessage[] } | { ok: false; detail: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { ok: false, detail: `the batch is not JSON: ${(err as Error).message}` };
  }
  const messages = (parsed as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || !messages.every(isBatchMessage)) {
    return { ok: false, detail: 'the batch has no messages array of {topic, body} strings' };
  }
  return { ok: true, messages };
}

function isBatchMessage(value: unknown): value is ImcBatchMessage {
  const m = value as Partial<ImcBatchMessage> | null;
  return typeof m?.topic === 'string' && typeof m.body === 'string' && (m.messageId === undefined || typeof m.messageId === 'string');
}
