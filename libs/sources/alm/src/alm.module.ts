import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@hub/access';
import { secretsConfig } from '@hub/config';
import { PipelineProducerModule } from '@hub/pipeline';
import { AlmCatalogueController } from './catalogue/alm-catalogue.controller.js';
import { AlmCatalogueRepository } from './catalogue/alm-catalogue.repository.js';
import { AlmCatalogueService } from './catalogue/alm-catalogue.service.js';
import { AlmLearningObjectInstanceEntity } from './catalogue/alm-learning-object-instance.entity.js';
import { AlmLearningObjectEntity } from './catalogue/alm-learning-object.entity.js';
import { AlmDeliveryRecorder } from './deliveries/alm-delivery-recorder.js';
import { AlmSourceStatus } from './deliveries/alm-source-status.js';
import { AlmWebhookDeliveryEntity } from './deliveries/alm-webhook-delivery.entity.js';
import { AlmWebhookDeliveryRepository } from './deliveries/alm-webhook-delivery.repository.js';
import { AlmDeliveryAuthenticator } from './ingress/alm-delivery-authenticator.js';
import { AlmIngressController } from './ingress/alm-ingress.controller.js';
import { AlmIngressService } from './ingress/alm-ingress.service.js';
import { AlmNormalizer } from './normalize/alm.normalizer.js';
import { AlmWebhookCache } from './webhooks/alm-webhook-cache.js';
import { AlmWebhookEntity } from './webhooks/alm-webhook.entity.js';
import { AlmWebhookRepository } from './webhooks/alm-webhook.repository.js';
import { AlmWebhooksController } from './webhooks/alm-webhooks.controller.js';
import { AlmWebhooksService } from './webhooks/alm-webhooks.service.js';
import { webhookSecretKeyProvider } from './webhooks/webhook-secret-key.js';

export const ALM_ENTITIES = [AlmWebhookEntity, AlmWebhookDeliveryEntity, AlmLearningObjectEntity, AlmLearningObjectInstanceEntity];

/** ALM webhooks, HTTP side: the delivery endpoint, the admin routes and the catalogue reads. */
@Module({
  imports: [ConfigModule.forFeature(secretsConfig), AccessModule, PipelineProducerModule, TypeOrmModule.forFeature(ALM_ENTITIES)],
  controllers: [AlmIngressController, AlmWebhooksController, AlmCatalogueController],
  providers: [
    webhookSecretKeyProvider,
    AlmWebhookRepository,
    AlmWebhookCache,
    AlmWebhooksService,
    AlmWebhookDeliveryRepository,
    AlmDeliveryRecorder,
    AlmSourceStatus,
    AlmDeliveryAuthenticator,
    AlmIngressService,
    AlmCatalogueRepository,
    AlmCatalogueService,
  ],
})
export class AlmModule {}

/** ALM webhooks, worker side: the normalizer and the catalogue it keeps. */
@Module({
  imports: [PipelineProducerModule, TypeOrmModule.forFeature([AlmLearningObjectEntity, AlmLearningObjectInstanceEntity])],
  providers: [AlmNormalizer, AlmCatalogueRepository],
})
export class AlmNormalizerModule {}
