import { ALM_EVENT_CATALOGUE, ALM_EVENT_NAMES, almEventDefinition, isDocumentedAlmEvent } from './alm-event-catalogue.js';

// The two tables of the seed pages, copied by hand so a catalogue edit cannot silently drop a name.
const REAL_TIME = [
  'CI_STATS', 'COURSE_ENROLLMENT', 'COURSE_COMPLETED', 'LEARNING_PATH_ENROLLMENT', 'LEARNING_PATH_COMPLETED',
  'CERTIFICATION_ENROLLMENT', 'CERTIFICATION_COMPLETED', 'COURSE_UNENROLLMENT', 'LEARNING_PATH_UNENROLLMENT',
  'CERTIFICATION_UNENROLLMENT', 'LEARNING_OBJECT_DRAFT', 'LEARNING_OBJECT_DELETION', 'LEARNING_OBJECT_MODIFICATION',
  'LEARNING_OBJECT_INSTANCE_MODIFICATION', 'LEARNING_OBJECT_INSTANCE_DELETION',
];
const NOT_REAL_TIME = [
  'COURSE_ENROLLMENT_BATCH', 'COURSE_COMPLETED_BATCH', 'LEARNING_PATH_ENROLLMENT_BATCH', 'LEARNING_PATH_COMPLETED_BATCH',
  'CERTIFICATION_ENROLLMENT_BATCH', 'CERTIFICATION_COMPLETED_BATCH', 'LEARNER_PROGRESS', 'COURSE_UNENROLLMENT_BATCH',
  'LEARNING_PATH_UNENROLLMENT_BATCH', 'CERTIFICATION_UNENROLLMENT_BATCH', 'LEARNING_OBJECT_MODIFICATION_BATCH',
  'LEARNING_OBJECT_INSTANCE_MODIFICATION_BATCH',
];

describe('ALM event catalogue', () => {
  it('holds exactly the 27 documented names, 15 real-time and 12 not', () => {
    expect(ALM_EVENT_NAMES).toEqual([...REAL_TIME, ...NOT_REAL_TIME]);
    expect(ALM_EVENT_CATALOGUE.size).toBe(27);
    for (const name of REAL_TIME) expect(almEventDefinition(name)?.realTime).toBe(true);
    for (const name of NOT_REAL_TIME) expect(almEventDefinition(name)?.realTime).toBe(false);
  });

  it.each([
    // name, kind, participant field, time field, category label
    ['COURSE_ENROLLMENT', 'enrollment', 'userId', 'dateEnrolled', 'Enrollment'],
    ['CERTIFICATION_ENROLLMENT_BATCH', 'enrollment', 'userId', 'dateEnrolled', 'Enrollment'],
    ['LEARNING_PATH_UNENROLLMENT', 'unenrollment', 'userId', null, 'Unenrollment'],
    ['COURSE_COMPLETED_BATCH', 'completion', 'userId', 'dateCompleted', 'Completion'],
    ['LEARNER_PROGRESS', 'progress', 'userId', 'dateStarted', 'Progress'],
    ['LEARNING_OBJECT_DRAFT', 'learning_object', 'loId', null, 'Learning object'],
    ['LEARNING_OBJECT_MODIFICATION_BATCH', 'learning_object', 'loId', null, 'Learning object'],
    ['LEARNING_OBJECT_INSTANCE_DELETION', 'learning_object_instance', 'loInstanceId', null, 'Learning object instance'],
    ['CI_STATS', 'instance_stats', 'loInstanceId', null, 'Course instance seats'],
  ])('%s: %s, participant %s, time %s', (name, kind, participantField, timeField, label) => {
    expect(almEventDefinition(name)).toMatchObject({ kind, participantField, timeField, category: { value: kind, label } });
  });

  it('gives every name a consistent definition', () => {
    for (const [name, d] of ALM_EVENT_CATALOGUE) {
      expect(d.name).toBe(name);
      expect(d.category.value).toBe(d.kind);
      expect(d.batchOf).toBe(name.endsWith('_BATCH') ? name.replace(/_BATCH$/, '') : null);
      if (d.batchOf) expect(REAL_TIME).toContain(d.batchOf);
      expect(d.subject === 'learner').toBe(d.participantField === 'userId');
      expect(d.catalogueAction === null).toBe(d.subject === 'learner');
      expect(name.length).toBeLessThanOrEqual(50);
    }
    expect(almEventDefinition('COURSE_ENROLLMENT')?.loType).toBe('course');
    expect(almEventDefinition('LEARNING_PATH_COMPLETED')?.loType).toBe('learningProgram');
    expect(almEventDefinition('CERTIFICATION_UNENROLLMENT_BATCH')?.loType).toBe('certification');
  });

  it('knows nothing about undocumented names, including object-prototype names', () => {
    for (const name of ['LEARNING_PATH_COMPLETION_ROLLBACK', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(almEventDefinition(name)).toBeUndefined();
      expect(isDocumentedAlmEvent(name)).toBe(false);
    }
  });
});
