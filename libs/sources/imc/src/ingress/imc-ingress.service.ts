import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProgramsService } from '@hub/access';
import { imcConfig, type ImcConfig } from '@hub/config';
import { AcceptService, DeadLettersService } from '@hub/pipeline';
import { encodeImcBatch, IMC_BATCH_CONTENT_TYPE } from '../normalize/imc-batch-payload.js';
import { checkImcMessage } from '../normalize/imc-message.normalizer.js';
import { rawBodyBytes, rawBodyText, type ImcDelivery } from '../transport/imc-delivery.js';
import { ImcVerdicts, type ImcVerdict } from '../transport/imc-verdict.js';
import { ImcAcceptBatcher } from './imc-accept-batcher.js';

/** The most messages one pipeline job carries (the hub API's batch limit too). */
const IMC_MAX_BATCH = 500;

/**
 * The imc ingress: check the message, hand its raw body to the pipeline (in one job with the messages received in the
 * same turn of the event loop), and say how to settle it. A message that
 * can never become an event is kept in the hub's dead letters (raw bytes, reason, topic) before the broker may drop
 * it; when the pipeline or the dead-letter store is away, the broker must deliver it again.
 */
@Injectable()
export class ImcIngressService {
  private readonly logger = new Logger('ImcIngress');
  private readonly batcher = new ImcAcceptBatcher<ImcDelivery>((deliveries) => this.acceptTogether(deliveries), IMC_MAX_BATCH);

  constructor(
    private readonly acceptor: AcceptService,
    private readonly deadLetters: DeadLettersService,
    private readonly programs: ProgramsService,
    @Inject(imcConfig.KEY) private readonly config: ImcConfig,
  ) {}

  /** IMC_PROGRAM_ID owns every imc event; it is created when missing, before the first message is taken. */
  async prepare(): Promise<void> {
    await this.programs.ensure(this.config.programId, 'imc Learning Suite');
  }

  async receive(delivery: ImcDelivery): Promise<ImcVerdict> {
    const programId = this.config.programId;

    // Checked here only to dead-letter a bad message at once; the job carries the raw body and the worker normalizes it.
    const checked = checkImcMessage({ topic: delivery.topic, body: delivery.body }, { programId });
    if (!checked.ok) {
      const { code, field, detail } = checked.reason;
      const reason = `${code}${field ? ` (${field})` : ''}: ${detail}`;
      try {
        await this.deadLetters.keepRaw('IMC', programId, rawBodyBytes(delivery.body), reason, delivery.contentType, contextOf(delivery));
      } catch (err) {
        return ImcVerdicts.retry(`the dead-letter store is unavailable: ${(err as Error).message}`);
      }
      this.logger.warn({ topic: delivery.topic, messageId: delivery.messageId, reason }, 'imc message dead-lettered');
      return ImcVerdicts.deadLetter(reason);
    }

    try {
      await this.batcher.add(delivery);
      return ImcVerdicts.ack();
    } catch (err) {
      return ImcVerdicts.retry(`the pipeline did not take it: ${(err as Error).message}`);
    }
  }

  /** One message keeps the plain form (its raw body); several become one batch job. */
  private acceptTogether(deliveries: ImcDelivery[]): Promise<string> {
    const programId = this.config.programId;
    if (deliveries.length === 1) {
      const [delivery] = deliveries;
      return this.acceptor.accept({
        source: 'IMC',
        programId,
        body: rawBodyText(delivery.body),
        contentType: delivery.contentType ?? 'application/json',
        receivedUtc: delivery.receivedUtc,
        correlationId: delivery.messageId,
        context: contextOf(delivery),
      });
    }
    const messages = deliveries.map((d) => ({ topic: d.topic, body: rawBodyText(d.body), ...(d.messageId ? { messageId: d.messageId } : {}) }));
    return this.acceptor.accept(
      {
        source: 'IMC',
        programId,
        body: encodeImcBatch(messages),
        contentType: IMC_BATCH_CONTENT_TYPE,
        receivedUtc: deliveries[0].receivedUtc,
        context: { broker: deliveries[0].broker, messages: String(deliveries.length) },
      },
      deliveries.length,
    );
  }
}

function contextOf(delivery: ImcDelivery): Record<string, string> {
  const context: Record<string, string> = { topic: delivery.topic, address: delivery.address, broker: delivery.broker };
  if (delivery.messageId) context.messageId = delivery.messageId;
  return context;
}
