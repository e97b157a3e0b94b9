import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ImcCourseUpdate } from './course-update.js';
import { ImcCourseEntity } from './imc-course.entity.js';

export interface ImcCourseFilter {
  programIds: readonly string[];
  courseId?: string;
  externalId?: string;
  learningForm?: string;
  /** Case-insensitive substring of the title. */
  titleContains?: string;
  /** Course changes at or after this source time. */
  changedSince?: Date;
  /** Keyset: continue after this (program, course). */
  after?: { programId: string; courseId: string };
  limit: number;
}

@Injectable()
export class ImcCourseRepository {
  constructor(@InjectRepository(ImcCourseEntity) private readonly courses: Repository<ImcCourseEntity>) {}

  /**
   * Inserts or replaces the course, last writer wins by source time (then by imc's `lastupdated`), in one statement
   * so concurrent workers and redeliveries in any order end with the newest change. Returns whether it was applied.
   */
  async apply(programId: string, update: ImcCourseUpdate, eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.courses.query(
      `INSERT INTO imc_courses (program_id, course_id, external_id, component_id, title, description, syllabus_link, learning_form,
         duration_of_use, start_date_utc, end_date_utc, last_updated_utc, last_updater_external_id, last_updater_person_id,
         metadata, contents, catalog_assignment, source_time, last_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       ON CONFLICT (program_id, course_id) DO UPDATE SET
         external_id = EXCLUDED.external_id, component_id = EXCLUDED.component_id, title = EXCLUDED.title,
         description = EXCLUDED.description, syllabus_link = EXCLUDED.syllabus_link, learning_form = EXCLUDED.learning_form,
         duration_of_use = EXCLUDED.duration_of_use, start_date_utc = EXCLUDED.start_date_utc, end_date_utc = EXCLUDED.end_date_utc,
         last_updated_utc = EXCLUDED.last_updated_utc, last_updater_external_id = EXCLUDED.last_updater_external_id,
         last_updater_person_id = EXCLUDED.last_updater_person_id, metadata = EXCLUDED.metadata, contents = EXCLUDED.contents,
         catalog_assignment = EXCLUDED.catalog_assignment, source_time = EXCLUDED.source_time,
         last_event_id = EXCLUDED.last_event_id, updated_utc = now()
       WHERE EXCLUDED.source_time > imc_courses.source_time
          OR (EXCLUDED.source_time = imc_courses.source_time AND EXCLUDED.last_updated_utc > imc_courses.last_updated_utc)
       RETURNING course_id`,
      [
        programId,
        update.courseId,
        update.externalId,
        update.componentId,
        update.title,
        update.description,
        update.syllabusLink,
        update.learningForm,
        update.durationOfUse,
        update.startDateUtc,
        update.endDateUtc,
        update.lastUpdatedUtc,
        update.lastUpdaterExternalId,
        update.lastUpdaterPersonId,
        jsonOrNull(update.metadata),
        jsonOrNull(update.contents),
        jsonOrNull(update.catalogAssignment),
        update.sourceTime,
        eventId,
      ],
    );
    return rows.length > 0;
  }

  findPage(filter: ImcCourseFilter): Promise<ImcCourseEntity[]> {
    if (filter.programIds.length === 0) return Promise.resolve([]);
    const qb = this.courses
      .createQueryBuilder('c')
      .where('c.program_id IN (:...programIds)', { programIds: [...filter.programIds] })
      .orderBy('c.program_id', 'ASC')
      .addOrderBy('c.course_id', 'ASC')
      .limit(filter.limit);
    if (filter.courseId) qb.andWhere('c.course_id = :courseId', { courseId: filter.courseId });
    if (filter.externalId) qb.andWhere('c.external_id = :externalId', { externalId: filter.externalId });
    if (filter.learningForm) qb.andWhere('c.learning_form = :learningForm', { learningForm: filter.learningForm });
    if (filter.titleContains) qb.andWhere(`c.title ILIKE :title ESCAPE '\\'`, { title: `%${escapeLike(filter.titleContains)}%` });
    if (filter.changedSince) qb.andWhere('c.source_time >= :since', { since: filter.changedSince });
    if (filter.after) qb.andWhere('(c.program_id, c.course_id) > (:afterProgram, :afterCourse)', { afterProgram: filter.after.programId, afterCourse: filter.after.courseId });
    return qb.getMany();
  }
}

/** jsonb parameters go as JSON text: pg would send a JS array as a Postgres array. */
function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
