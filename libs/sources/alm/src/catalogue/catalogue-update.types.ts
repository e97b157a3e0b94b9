/**
 * Changes to the hub's small ALM catalogue (learning objects, their instances, seat figures), derived from
 * learning-object, instance and CI_STATS events. Each update names the entity it touches and the ALM time
 * it reflects; the persistence layer applies it as an upsert that only wins when its `sourceTimeUtc` is at
 * least the stored one (last writer by source time wins; see `catalogueUpdateWins`).
 */

export type LearningObjectState = 'draft' | 'published' | 'retired' | 'deleted';
export type InstanceState = 'active' | 'retired' | 'deleted';

interface CatalogueUpdateSource {
  /** ALM's `timestamp` of the event, ISO UTC: the last-writer-wins clock. */
  sourceTimeUtc: string;
  sourceEventId: string;
  sourceEventName: string;
}

export interface LearningObjectStateUpdate extends CatalogueUpdateSource {
  type: 'learning-object';
  loId: string;
  loType: string | null;
  state: LearningObjectState;
  /**
   * True when the state is the hub's best reading rather than ALM's word: LEARNING_OBJECT_MODIFICATION is
   * sent both when an object is published (or edited) and when it is retired, and carries only ids, so it
   * reads as `published` unless the data names a state. ALM's `GET /learningObjects` has the authority.
   */
  stateInferred: boolean;
}

export interface InstanceStateUpdate extends CatalogueUpdateSource {
  type: 'instance';
  loInstanceId: string;
  /** The parent learning object (from `data.loId`, else the instance id's prefix). */
  loId: string | null;
  loType: string | null;
  state: InstanceState;
  /** As for learning objects: an instance modification also stands for creation and retirement. */
  stateInferred: boolean;
}

/** CI_STATS: seat and waitlist figures of one course instance, replacing the stored ones as a whole. */
export interface InstanceSeatsUpdate extends CatalogueUpdateSource {
  type: 'instance-seats';
  loInstanceId: string;
  loId: string | null;
  enrollmentCount: number | null;
  waitlistCount: number | null;
  seatLimit: number | null;
  seatAvailability: number | null;
  waitlistLimit: number | null;
  waitlistAvailability: number | null;
}

export type CatalogueUpdate = LearningObjectStateUpdate | InstanceStateUpdate | InstanceSeatsUpdate;
