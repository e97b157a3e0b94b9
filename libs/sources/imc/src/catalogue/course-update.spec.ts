import { imcSeedSampleJson } from '../messages/fixtures/imc-seed-samples.js';
import { parseImcCourseChange } from '../messages/course-change.parser.js';
import type { ImcCourseChange } from '../messages/imc-message.types.js';
import type { JsonObject } from '../messages/json-value.js';
import { courseUpdateFrom, supersedesCourseUpdate } from './course-update.js';

function courseChange(patch: JsonObject = {}): ImcCourseChange {
  const parsed = parseImcCourseChange({ ...(imcSeedSampleJson('course-change') as JsonObject), ...patch });
  if (!parsed.ok) throw new Error(parsed.reason.detail);
  return parsed.message;
}

describe('courseUpdateFrom', () => {
  it('takes the catalogue row from the seed course change', () => {
    expect(courseUpdateFrom(courseChange())).toEqual({
      courseId: '517282',
      externalId: 'ce77b12d-4119-3390-92e6-000000001517',
      componentId: '517281',
      title: 'Course Name',
      description: '<strong>Course Description</strong></br>',
      syllabusLink: 'https://achievemore.im-c.com/ilp/pages/course.jsf?courseId=517281&pollingMode=on#!/courseroom/course',
      learningForm: 'classroom',
      durationOfUse: 'M',
      startDateUtc: '2021-05-18T22:00:00.000Z',
      endDateUtc: '2021-05-19T21:59:59.000Z',
      lastUpdatedUtc: '2020-10-25T22:50:08.000Z',
      lastUpdaterExternalId: null,
      lastUpdaterPersonId: '0',
      metadata: [],
      contents: [],
      catalogAssignment: [],
      sourceTime: '2020-10-25T22:50:08.487Z',
    });
  });
});

describe('supersedesCourseUpdate (last writer wins by source time)', () => {
  const older = courseUpdateFrom(courseChange({ title: 'Old', timestamp: 1603666208487 }));
  const newer = courseUpdateFrom(courseChange({ title: 'New', timestamp: 1603666209000 }));

  it('lets the first update in', () => {
    expect(supersedesCourseUpdate(older, null)).toBe(true);
  });

  it('applies a newer update and ignores an older one that arrives late', () => {
    expect(supersedesCourseUpdate(newer, older)).toBe(true);
    expect(supersedesCourseUpdate(older, newer)).toBe(false);
  });

  it('ignores a redelivery of the same message', () => {
    expect(supersedesCourseUpdate(older, older)).toBe(false);
  });

  it('compares seconds and milliseconds timestamps as instants', () => {
    const inSeconds = courseUpdateFrom(courseChange({ timestamp: 1603666210 }));
    expect(supersedesCourseUpdate(inSeconds, newer)).toBe(true);
  });

  it('breaks a tie in source time by lastupdated', () => {
    const edited = courseUpdateFrom(courseChange({ lastupdated: '2020-10-25T23:55:00+0100' }));
    const base = courseUpdateFrom(courseChange());
    expect(supersedesCourseUpdate(edited, base)).toBe(true);
    expect(supersedesCourseUpdate(base, edited)).toBe(false);
  });
});
