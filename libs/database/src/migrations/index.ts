import { InitialSchema1763900000000 } from './1763900000000-InitialSchema.js';
import { AlmWebhooks1763900200000 } from './1763900200000-AlmWebhooks.js';
import { ImcCourses1763900300000 } from './1763900300000-ImcCourses.js';
import { Xapi1763900400000 } from './1763900400000-Xapi.js';
import { AdminSessions1763900700000 } from './1763900700000-AdminSessions.js';
import { LearnerRecords1763900100000 } from './1763900100000-LearnerRecords.js';
import { ProjectionCheckpoints1763900800000 } from './1763900800000-ProjectionCheckpoints.js';
import { LearnerRecordLookupPlan1763900900000 } from './1763900900000-LearnerRecordLookupPlan.js';
import { LearnerRecordParticipantPage1763901000000 } from './1763901000000-LearnerRecordParticipantPage.js';
import { EventsParticipantFeedByProgram1763901100000 } from './1763901100000-EventsParticipantFeedByProgram.js';

/** Every migration, in order. Listed explicitly: ESM has no reliable glob loading. */
export const MIGRATIONS = [InitialSchema1763900000000, LearnerRecords1763900100000, AlmWebhooks1763900200000, ImcCourses1763900300000, Xapi1763900400000, AdminSessions1763900700000, ProjectionCheckpoints1763900800000, LearnerRecordLookupPlan1763900900000, LearnerRecordParticipantPage1763901000000, EventsParticipantFeedByProgram1763901100000];
