import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '@hub/access';
import { xapiConfig } from '@hub/config';
import { PipelineProducerModule } from '@hub/pipeline';
import { XapiAuthGuard } from './auth/xapi-auth.guard.js';
import { XapiBasicStrategy } from './auth/xapi-basic.strategy.js';
import { XapiBearerStrategy } from './auth/xapi-bearer.strategy.js';
import { XapiCredentialsService } from './auth/xapi-credentials.service.js';
import { XapiClientEntity } from './clients/xapi-client.entity.js';
import { XapiClientRepository } from './clients/xapi-client.repository.js';
import { XapiClientsController } from './clients/xapi-clients.controller.js';
import { XapiClientsService } from './clients/xapi-clients.service.js';
import { DocumentRepository } from './lrs/documents/document.repository.js';
import { ActivityProfileController, AgentProfileController, StateController } from './lrs/documents/documents.controller.js';
import { DocumentsService } from './lrs/documents/documents.service.js';
import { XapiDocumentEntity } from './lrs/documents/xapi-document.entity.js';
import { XapiHttpSetup } from './lrs/http/xapi-http.setup.js';
import { AgentsActivitiesService } from './lrs/resources/agents-activities.service.js';
import { AboutController, ActivitiesController, AgentsController } from './lrs/resources/resources.controller.js';
import { StatementReadService } from './lrs/statements/statement-read.service.js';
import { StatementWriteBarrier } from './lrs/statements/statement-write-barrier.js';
import { StatementWriteService } from './lrs/statements/statement-write.service.js';
import { StatementRepository } from './lrs/statements/statement.repository.js';
import { StatementsController } from './lrs/statements/statements.controller.js';
import { StatementsService } from './lrs/statements/statements.service.js';
import { XapiAttachmentEntity } from './lrs/statements/xapi-attachment.entity.js';
import { XapiStatementEntity } from './lrs/statements/xapi-statement.entity.js';
import { XapiNormalizer } from './normalize/xapi.normalizer.js';
import { OAuthTokenController } from './oauth/oauth-token.controller.js';
import { OAuthTokenService } from './oauth/oauth-token.service.js';
import { XapiTokenEntity } from './oauth/xapi-token.entity.js';
import { XapiTokenRepository } from './oauth/xapi-token.repository.js';

/** Every entity of the xAPI source, for TypeORM and the hub's entity list. */
export const XAPI_ENTITIES = [XapiClientEntity, XapiTokenEntity, XapiStatementEntity, XapiAttachmentEntity, XapiDocumentEntity];

/**
 * The imc xAPI partner endpoint, HTTP side: client administration, the OAuth 2.0 token endpoint and the LRS under
 * /xAPI. Statements are stored here and handed to the pipeline; XapiNormalizerModule turns them into events.
 */
@Module({
  imports: [AccessModule, PipelineProducerModule, PassportModule, ConfigModule.forFeature(xapiConfig), TypeOrmModule.forFeature(XAPI_ENTITIES)],
  controllers: [
    XapiClientsController,
    OAuthTokenController,
    StatementsController,
    StateController,
    ActivityProfileController,
    AgentProfileController,
    AgentsController,
    ActivitiesController,
    AboutController,
  ],
  providers: [
    XapiHttpSetup,
    XapiClientRepository,
    XapiTokenRepository,
    XapiCredentialsService,
    XapiClientsService,
    OAuthTokenService,
    XapiBearerStrategy,
    XapiBasicStrategy,
    XapiAuthGuard,
    StatementRepository,
    StatementWriteService,
    StatementWriteBarrier,
    StatementReadService,
    StatementsService,
    DocumentRepository,
    DocumentsService,
    AgentsActivitiesService,
  ],
})
export class XapiModule {}

/** The xAPI source, worker side: stored Statements to canonical events. */
@Module({ providers: [XapiNormalizer, StatementRepository] })
export class XapiNormalizerModule {}
