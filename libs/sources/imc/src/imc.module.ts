import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@hub/access';
import { PipelineProducerModule } from '@hub/pipeline';
import { ImcCourseEntity } from './catalogue/imc-course.entity.js';
import { ImcCourseRepository } from './catalogue/imc-course.repository.js';
import { ImcCoursesController } from './catalogue/imc-courses.controller.js';
import { ImcCoursesService } from './catalogue/imc-courses.service.js';
import { ImcConsumerFactory } from './ingress/imc-consumer.factory.js';
import { ImcIngressController } from './ingress/imc-ingress.controller.js';
import { ImcIngressService } from './ingress/imc-ingress.service.js';
import { ImcMetrics } from './ingress/imc-metrics.js';
import { ImcReadiness } from './ingress/imc-readiness.js';
import { ImcSourceStatus } from './ingress/imc-source-status.js';
import { ImcNormalizer } from './normalize/imc.normalizer.js';
import { ImcConnectionStatus } from './transport/imc-connection-status.js';
import { ImcTransport } from './transport/imc-transport.strategy.js';

/**
 * The imc queue, worker side: the normalizer (every worker, since any worker may take an imc job), the course
 * catalogue writer, and the transport with its handlers, which main.ts connects only when imc is configured.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImcCourseEntity]), PipelineProducerModule, AccessModule],
  controllers: [ImcIngressController],
  providers: [
    ImcNormalizer,
    ImcCourseRepository,
    ImcIngressService,
    ImcConnectionStatus,
    ImcMetrics,
    ImcReadiness,
    ImcSourceStatus,
    ImcConsumerFactory,
    { provide: ImcTransport, useFactory: (factory: ImcConsumerFactory) => new ImcTransport(() => factory.create()), inject: [ImcConsumerFactory] },
  ],
})
export class ImcWorkerModule {}

/** The imc course catalogue, HTTP side. */
@Module({
  imports: [TypeOrmModule.forFeature([ImcCourseEntity]), AccessModule],
  controllers: [ImcCoursesController],
  providers: [ImcCoursesService, ImcCourseRepository],
})
export class ImcApiModule {}
