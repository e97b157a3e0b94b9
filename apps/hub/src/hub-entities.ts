import { AdminSessionEntity, ApiKeyEntity, ProgramEntity } from '@hub/access';
import { LearningEventEntity } from '@hub/event-store';
import { LearnerFactEntity, LearnerRecordEntity, ProjectionCheckpointEntity } from '@hub/learner-records';
import { DeadLetterEntity } from '@hub/pipeline';
import { ImcCourseEntity } from '@hub/sources/imc';
import { XAPI_ENTITIES } from '@hub/sources/xapi';
import { ALM_ENTITIES } from '@hub/sources/alm';

/** Every entity of the hub: the TypeORM CLI and the migration drift check see the whole schema through this list. */
export const HUB_ENTITIES = [ProgramEntity, ApiKeyEntity, LearningEventEntity, DeadLetterEntity, ...ALM_ENTITIES, ImcCourseEntity, ...XAPI_ENTITIES, AdminSessionEntity, LearnerRecordEntity, LearnerFactEntity, ProjectionCheckpointEntity];
