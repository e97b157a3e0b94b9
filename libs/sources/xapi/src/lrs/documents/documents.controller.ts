import { applyDecorators, Controller, Delete, Get, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XapiAuthGuard, XapiResource } from '../../auth/xapi-auth.guard.js';
import { Xapi, type XapiRequest } from '../http/xapi-request.js';
import { sendXapi } from '../http/xapi-response.js';
import { XapiAuthDocs, XapiErrorDto } from '../http/xapi-swagger.js';
import { DocumentsService } from './documents.service.js';

const AGENT_EXAMPLE = '{"objectType":"Agent","mbox":"mailto:max.mustermann@somedomain.com"}';

function DocumentDocs(method: 'GET' | 'PUT' | 'POST' | 'DELETE', params: { name: string; required: boolean; example?: string }[], summary: string) {
  const queries = params.map((p) => ApiQuery({ name: p.name, required: p.required, schema: { type: 'string', example: p.example } }));
  const preconditions = [
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag the document must have' }),
    ApiHeader({ name: 'If-None-Match', required: false, description: '* : the document must not exist' }),
    ApiResponse({ status: 412, type: XapiErrorDto, description: 'If-Match / If-None-Match failed' }),
  ];
  const answers =
    method === 'GET'
      ? [ApiOkResponse({ description: 'The document (its own Content-Type, with ETag), or without the id an array of ids' }), ApiNotFoundResponse({ type: XapiErrorDto })]
      : [ApiNoContentResponse({ description: method === 'DELETE' ? 'Deleted' : 'Stored; the new ETag is in the response' }), ...preconditions];
  const body =
    method === 'PUT' || method === 'POST'
      ? [ApiBody({ description: 'Any content type; POST merges JSON objects one level deep', schema: { type: 'object' }, examples: { json: { value: { bookmark: 'page-7', score: 12 } } } })]
      : [];
  return applyDecorators(ApiOperation({ summary }), ...queries, ...answers, ...body, ...(method === 'PUT' ? [ApiConflictResponse({ type: XapiErrorDto })] : []));
}

const activity = (required: boolean) => ({ name: 'activityId', required, example: 'urn:partnernamespace:objecttype:objectid' });
const agent = (required: boolean) => ({ name: 'agent', required, example: AGENT_EXAMPLE });

@ApiTags('xAPI')
@XapiAuthDocs()
@XapiResource('GET', 'PUT', 'POST', 'DELETE')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/activities/state')
export class StateController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @DocumentDocs('GET', [activity(true), agent(true), { name: 'registration', required: false }, { name: 'stateId', required: false }, { name: 'since', required: false }], 'Get a state document, or the stateIds (since)')
  async get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('state', req));
  }

  @Put()
  @DocumentDocs('PUT', [activity(true), agent(true), { name: 'registration', required: false }, { name: 'stateId', required: true }], 'Store a state document')
  async put(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('state', req));
  }

  @Post()
  @DocumentDocs('POST', [activity(true), agent(true), { name: 'registration', required: false }, { name: 'stateId', required: true }], 'Merge into a JSON state document (or store a new one)')
  async post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('state', req));
  }

  @Delete()
  @DocumentDocs('DELETE', [activity(true), agent(true), { name: 'registration', required: false }, { name: 'stateId', required: false }], 'Delete a state document, or all of the activity, agent and registration')
  async delete(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('state', req));
  }
}

@ApiTags('xAPI')
@XapiAuthDocs()
@XapiResource('GET', 'PUT', 'POST', 'DELETE')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/activities/profile')
export class ActivityProfileController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @DocumentDocs('GET', [activity(true), { name: 'profileId', required: false }, { name: 'since', required: false }], 'Get an activity profile, or the profileIds (since)')
  async get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('activity-profile', req));
  }

  @Put()
  @DocumentDocs('PUT', [activity(true), { name: 'profileId', required: true }], 'Store an activity profile (replacing one needs If-Match, else 409)')
  async put(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('activity-profile', req));
  }

  @Post()
  @DocumentDocs('POST', [activity(true), { name: 'profileId', required: true }], 'Merge into a JSON activity profile (or store a new one)')
  async post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('activity-profile', req));
  }

  @Delete()
  @DocumentDocs('DELETE', [activity(true), { name: 'profileId', required: true }], 'Delete an activity profile')
  async delete(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('activity-profile', req));
  }
}

@ApiTags('xAPI')
@XapiAuthDocs()
@XapiResource('GET', 'PUT', 'POST', 'DELETE')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/agents/profile')
export class AgentProfileController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @DocumentDocs('GET', [agent(true), { name: 'profileId', required: false }, { name: 'since', required: false }], 'Get an agent profile, or the profileIds (since)')
  async get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('agent-profile', req));
  }

  @Put()
  @DocumentDocs('PUT', [agent(true), { name: 'profileId', required: true }], 'Store an agent profile (needs If-None-Match: * to create or If-Match to replace)')
  async put(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('agent-profile', req));
  }

  @Post()
  @DocumentDocs('POST', [agent(true), { name: 'profileId', required: true }], 'Merge into a JSON agent profile (or store a new one)')
  async post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('agent-profile', req));
  }

  @Delete()
  @DocumentDocs('DELETE', [agent(true), { name: 'profileId', required: true }], 'Delete an agent profile')
  async delete(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.documents.handle('agent-profile', req));
  }
}
