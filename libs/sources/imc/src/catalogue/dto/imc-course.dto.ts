import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImcCourseEntity } from '../imc-course.entity.js';

/** One course of the imc catalogue, as the latest course-change message (seed 3.1) described it. */
export class ImcCourseDto {
  @ApiProperty({ example: 'IMC', description: 'IMC_PROGRAM_ID of the hub that received the course change' })
  programId: string;

  @ApiProperty({ example: '517282', description: 'imc `object-id`: version-independent; the LearningObjectId of learner records' })
  courseId: string;

  @ApiPropertyOptional({ example: 'ce77b12d-4119-3390-92e6-000000001517', nullable: true, type: String })
  externalId: string | null;

  @ApiPropertyOptional({ example: '517281', nullable: true, type: String, description: 'imc `component-id`: the version-specific id' })
  componentId: string | null;

  @ApiPropertyOptional({ example: 'Course Name', nullable: true, type: String })
  title: string | null;

  @ApiPropertyOptional({ example: '<strong>Course Description</strong></br>', nullable: true, type: String, description: 'HTML, as imc sends it' })
  description: string | null;

  @ApiPropertyOptional({
    example: 'https://achievemore.im-c.com/ilp/pages/course.jsf?courseId=517281&pollingMode=on#!/courseroom/course',
    nullable: true,
    type: String,
  })
  syllabusLink: string | null;

  @ApiPropertyOptional({ example: 'classroom', nullable: true, type: String })
  learningForm: string | null;

  @ApiPropertyOptional({ example: 'M', nullable: true, type: String })
  durationOfUse: string | null;

  @ApiPropertyOptional({ example: '2021-05-18T22:00:00.000Z', nullable: true, type: String })
  startDateUtc: string | null;

  @ApiPropertyOptional({ example: '2021-05-19T21:59:59.000Z', nullable: true, type: String })
  endDateUtc: string | null;

  @ApiPropertyOptional({ example: '2020-10-25T22:50:08.000Z', nullable: true, type: String })
  lastUpdatedUtc: string | null;

  @ApiPropertyOptional({ example: null, nullable: true, type: String })
  lastUpdaterExternalId: string | null;

  @ApiPropertyOptional({ example: '0', nullable: true, type: String })
  lastUpdaterPersonId: string | null;

  @ApiPropertyOptional({ example: [], nullable: true, description: 'As received' })
  metadata: unknown;

  @ApiPropertyOptional({ example: [], nullable: true, description: 'As received' })
  contents: unknown;

  @ApiPropertyOptional({ example: [], nullable: true, description: 'imc `catalog-assignment`, as received' })
  catalogAssignment: unknown;

  @ApiProperty({ example: '2020-10-25T22:50:08.487Z', description: 'The course change message timestamp: later ones replace earlier ones' })
  sourceTime: string;

  @ApiProperty({ example: 'IMC-6f1c0e52-0c3e-5b0e-9d0a-1f7b3c2a9e41', description: 'The COURSE_CHANGED event this row is from' })
  lastEventId: string;

  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', description: 'When the hub last changed this row' })
  updatedUtc: string;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toImcCourseDto(row: ImcCourseEntity): ImcCourseDto {
  return {
    programId: row.programId,
    courseId: row.courseId,
    externalId: row.externalId,
    componentId: row.componentId,
    title: row.title,
    description: row.description,
    syllabusLink: row.syllabusLink,
    learningForm: row.learningForm,
    durationOfUse: row.durationOfUse,
    startDateUtc: iso(row.startDateUtc),
    endDateUtc: iso(row.endDateUtc),
    lastUpdatedUtc: iso(row.lastUpdatedUtc),
    lastUpdaterExternalId: row.lastUpdaterExternalId,
    lastUpdaterPersonId: row.lastUpdaterPersonId,
    metadata: row.metadata,
    contents: row.contents,
    catalogAssignment: row.catalogAssignment,
    sourceTime: row.sourceTime.toISOString(),
    lastEventId: row.lastEventId,
    updatedUtc: row.updatedUtc.toISOString(),
  };
}
