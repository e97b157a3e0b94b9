import { ForbiddenException, Injectable } from '@nestjs/common';
import { canAccessProgram, type ApiKeyPrincipal } from '@hub/access';
import { ValidationFailedException } from '@hub/observability';
import type { ListImcCoursesQuery } from './dto/list-imc-courses.query.js';
import { toImcCourseDto, type ImcCourseDto } from './dto/imc-course.dto.js';
import { decodeCourseCursor, encodeCourseCursor } from './imc-course-cursor.js';
import { ImcCourseRepository } from './imc-course.repository.js';

export const DEFAULT_COURSE_PAGE_SIZE = 100;

export interface ImcCoursePage {
  courses: ImcCourseDto[];
  limit: number;
  /** Set when the page is full: more rows may follow after it. */
  next?: string;
}

@Injectable()
export class ImcCoursesService {
  constructor(private readonly courses: ImcCourseRepository) {}

  async findPage(query: ListImcCoursesQuery, caller: ApiKeyPrincipal): Promise<ImcCoursePage> {
    if (query.programId && !canAccessProgram(caller, query.programId)) {
      throw new ForbiddenException(`This API key has no access to program ${query.programId}`);
    }
    const after = query.after ? decodeCourseCursor(query.after) : undefined;
    if (after === null) throw new ValidationFailedException([{ field: 'after', message: 'after is not a cursor issued by this hub' }]);
    const limit = query.limit ?? DEFAULT_COURSE_PAGE_SIZE;
    const rows = await this.courses.findPage({
      programIds: query.programId ? [query.programId] : caller.programIds,
      courseId: query.courseId,
      externalId: query.externalId,
      learningForm: query.learningForm,
      titleContains: query.title,
      changedSince: query.changedSince ? new Date(query.changedSince.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : undefined,
      after,
      limit,
    });
    const last = rows.at(-1);
    return {
      courses: rows.map(toImcCourseDto),
      limit,
      next: rows.length === limit && last ? encodeCourseCursor(last.programId, last.courseId) : undefined,
    };
  }
}
