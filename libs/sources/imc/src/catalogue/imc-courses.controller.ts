import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth, CurrentApiKey, type ApiKeyPrincipal } from '@hub/access';
import { appConfig, type AppConfig } from '@hub/config';
import { ImcCourseDto } from './dto/imc-course.dto.js';
import { ListImcCoursesQuery } from './dto/list-imc-courses.query.js';
import { ImcCoursesService } from './imc-courses.service.js';

@ApiTags('imc')
@Controller('api/v1/imc/courses')
export class ImcCoursesController {
  constructor(
    private readonly service: ImcCoursesService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiKeyAuth('events:read')
  @ApiOperation({
    summary: 'Read the imc course catalogue',
    description:
      'Courses of the key’s programs as the latest imc course change (by its message timestamp) described them, ordered by program ' +
      'and course id. A full page carries Link rel="next" continuing after its last course; a shorter page is the last one.',
  })
  @ApiOkResponse({
    type: ImcCourseDto,
    isArray: true,
    headers: { Link: { description: '<…/api/v1/imc/courses?…&after=cursor>; rel="next", when the page is full', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'problem+json naming the bad query parameter' })
  async list(
    @Query() query: ListImcCoursesQuery,
    @CurrentApiKey() caller: ApiKeyPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImcCourseDto[]> {
    const page = await this.service.findPage(query, caller);
    if (page.next) {
      const base = this.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries({ ...query, limit: page.limit })) {
        if (key !== 'after' && value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      params.set('after', page.next);
      reply.header('Link', `<${base}/api/v1/imc/courses?${params.toString()}>; rel="next"`);
    }
    return page.courses;
  }
}
