import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IMC_TOPIC } from '../imc-topics.js';
import type { ImcDelivery } from '../transport/imc-delivery.js';
import type { ImcVerdict } from '../transport/imc-verdict.js';
import { ImcIngressService } from './imc-ingress.service.js';

/**
 * The imc topics as message patterns of the imc transport. Every kind goes through the same ingress; the handlers
 * exist per topic so a topic can get its own treatment without touching the transport. The returned verdict settles
 * the message.
 */
@Controller()
export class ImcIngressController {
  constructor(private readonly ingress: ImcIngressService) {}

  @EventPattern(IMC_TOPIC.login)
  login(@Payload() delivery: ImcDelivery): Promise<ImcVerdict> {
    return this.ingress.receive(delivery);
  }

  @EventPattern(IMC_TOPIC.courseChanges)
  courseChange(@Payload() delivery: ImcDelivery): Promise<ImcVerdict> {
    return this.ingress.receive(delivery);
  }

  /** One registration change arrives on `_registrations` and again on `_completions` or `_cancellations`: stored once. */
  @EventPattern([IMC_TOPIC.registrations, IMC_TOPIC.completions, IMC_TOPIC.cancellations])
  registrationChange(@Payload() delivery: ImcDelivery): Promise<ImcVerdict> {
    return this.ingress.receive(delivery);
  }

  @EventPattern(IMC_TOPIC.recertDueDateChanges)
  recertDueDateChange(@Payload() delivery: ImcDelivery): Promise<ImcVerdict> {
    return this.ingress.receive(delivery);
  }
}
