import { ApiProperty } from '@nestjs/swagger';
import { LEARNER_STATUSES } from '../../domain/index.js';

/** Where one learner stands in one learning object (DESIGN.md, "Learner records"). */
export class LearnerRecordDto {
  @ApiProperty({ example: 'LB', enum: ['LB', 'ALM', 'IMC', 'XAPI'] })
  PublisherSystemId: string;

  @ApiProperty({ example: 'NURSING' })
  PublisherProgramId: string;

  @ApiProperty({ example: 'joebob@example.com' })
  PublisherParticipantId: string;

  @ApiProperty({ example: 'AI:1234', description: 'LB: the entity of PublisherEventId; ALM: loInstanceId (loId for certifications); imc: course-object-id or template-object-id; xAPI: the activity IRI' })
  LearningObjectId: string;

  @ApiProperty({
    example: 'COMPLETED',
    enum: LEARNER_STATUSES,
    nullable: true,
    description: 'COMPLETED = completed, passed or outcome unknown; FAILED = completed unsuccessfully. Null only while the record holds nothing the hub can map to a status (an imc recertification due date alone, or only unmapped imc statuses).',
  })
  Status: string | null;

  @ApiProperty({ example: 'AI_COMP_SUCCESS', nullable: true, description: 'The source’s own word for the last applied status (LB EventType, ALM eventName, imc status, xAPI verb IRI)' })
  SourceStatus: string | null;

  @ApiProperty({ example: 100, nullable: true, minimum: 0, maximum: 100, description: '100 after a completion; null when no progress is known' })
  ProgressPercent: number | null;

  @ApiProperty({ example: true, nullable: true, description: 'Null while not completed or when the source does not say' })
  Passed: boolean | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time', description: 'When the current enrolment began' })
  EnrolledUtc: string | null;

  @ApiProperty({ example: '2024-03-01T09:00:00.000Z', nullable: true, type: String, format: 'date-time' })
  StartedUtc: string | null;

  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', nullable: true, type: String, format: 'date-time' })
  CompletedUtc: string | null;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date', description: 'Calendar date YYYY-MM-DD, as the source wrote it' })
  DueDate: string | null;

  @ApiProperty({ example: 'NURSING-2b0f7c38-9d8e-5f7a-9c61-6a1d3f0b4e21', description: 'The event that last changed the record (a stale event never does)' })
  LastEventId: string;

  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', format: 'date-time', description: 'That event’s source time' })
  LastEventUtc: string;

  @ApiProperty({ example: '2024-03-01T14:30:01.123Z', format: 'date-time', description: 'When the hub last changed what this record shows' })
  UpdatedUtc: string;
}
