import { ApiKeyEntity, ProgramEntity } from '@hub/access';
import { LearningEventEntity } from '@hub/event-store';
import { DeadLetterEntity } from '@hub/pipeline';
import { ALM_ENTITIES } from '@hub/sources/alm';
import { ImcCourseEntity } from '@hub/sources/imc';

/** Every entity of the hub: the TypeORM CLI and the migration drift check see the whole schema through this list. */
export const HUB_ENTITIES = [ProgramEntity, ApiKeyEntity, LearningEventEntity, DeadLetterEntity, ImcCourseEntity, ...ALM_ENTITIES];
