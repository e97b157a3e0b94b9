import { Controller, Delete, Get, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XapiAuthGuard, XapiResource } from '../../auth/xapi-auth.guard.js';
import { XapiError } from '../http/xapi-error.js';
import { Xapi, type XapiRequest } from '../http/xapi-request.js';
import { jsonResponse, sendXapi } from '../http/xapi-response.js';
import { AboutDto, PersonDto, XapiAuthDocs } from '../http/xapi-swagger.js';
import { AgentsActivitiesService } from './agents-activities.service.js';

/** Versions of xAPI whose Statements and requests this LRS takes (Communication 2.8). */
export const SUPPORTED_VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.0.3'];

@ApiTags('xAPI')
@XapiAuthDocs()
@XapiResource('GET')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/agents')
export class AgentsController {
  constructor(private readonly resources: AgentsActivitiesService) {}

  @Get()
  @ApiOperation({ summary: 'The Person the LRS knows for an Agent (Communication 2.4)' })
  @ApiQuery({ name: 'agent', required: true, example: '{"objectType":"Agent","mbox":"mailto:max.mustermann@somedomain.com"}' })
  @ApiOkResponse({ type: PersonDto })
  get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): void {
    sendXapi(reply, this.resources.agents(req));
  }

  /** Not methods of this resource (the guard answers 405), but the routes must exist for the alternate syntax. */
  @Post()
  @ApiExcludeEndpoint()
  post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): void {
    sendXapi(reply, this.resources.agents(req));
  }

  @Put()
  @ApiExcludeEndpoint()
  put(): never {
    throw XapiError.methodNotAllowed('PUT', ['GET', 'HEAD']);
  }

  @Delete()
  @ApiExcludeEndpoint()
  delete(): never {
    throw XapiError.methodNotAllowed('DELETE', ['GET', 'HEAD']);
  }
}

@ApiTags('xAPI')
@XapiAuthDocs()
@XapiResource('GET')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/activities')
export class ActivitiesController {
  constructor(private readonly resources: AgentsActivitiesService) {}

  @Get()
  @ApiOperation({ summary: 'The Activity with the LRS’s canonical definition: that of the latest Statement about it (Communication 2.5)' })
  @ApiQuery({ name: 'activityId', required: true, example: 'urn:partnernamespace:objecttype:objectid' })
  @ApiOkResponse({ schema: { type: 'object', example: { objectType: 'Activity', id: 'urn:partnernamespace:objecttype:objectid', definition: { type: 'http://adlnet.gov/expapi/activities/course' } } } })
  async get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.resources.activities(req));
  }

  @Post()
  @ApiExcludeEndpoint()
  async post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.resources.activities(req));
  }

  @Put()
  @ApiExcludeEndpoint()
  put(): never {
    throw XapiError.methodNotAllowed('PUT', ['GET', 'HEAD']);
  }

  @Delete()
  @ApiExcludeEndpoint()
  delete(): never {
    throw XapiError.methodNotAllowed('DELETE', ['GET', 'HEAD']);
  }
}

/** GET /xAPI/about: no authentication and no version header needed (Communication 2.8). */
@ApiTags('xAPI')
@Controller('xAPI/about')
export class AboutController {
  @Get()
  @ApiOperation({ summary: 'The xAPI versions this LRS supports (no authentication)' })
  @ApiOkResponse({ type: AboutDto })
  get(@Res() reply: FastifyReply): void {
    sendXapi(reply, jsonResponse({ version: SUPPORTED_VERSIONS }));
  }

  @Post()
  @ApiExcludeEndpoint()
  post(): never {
    throw XapiError.methodNotAllowed('POST', ['GET', 'HEAD']);
  }

  @Put()
  @ApiExcludeEndpoint()
  put(): never {
    throw XapiError.methodNotAllowed('PUT', ['GET', 'HEAD']);
  }

  @Delete()
  @ApiExcludeEndpoint()
  delete(): never {
    throw XapiError.methodNotAllowed('DELETE', ['GET', 'HEAD']);
  }
}
