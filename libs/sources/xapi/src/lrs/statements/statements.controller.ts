import { Controller, Delete, Get, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiExcludeEndpoint, ApiExtraModels, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XapiAuthGuard, XapiResource } from '../../auth/xapi-auth.guard.js';
import { Xapi, type XapiRequest } from '../http/xapi-request.js';
import { sendXapi } from '../http/xapi-response.js';
import { STATEMENT_EXAMPLE, StatementResultDto, XapiAuthDocs, XapiErrorDto, XapiQueries } from '../http/xapi-swagger.js';
import { StatementsService } from './statements.service.js';

const IGS_QUERY = ApiQuery({ name: 'igsClientId', required: false, description: 'The client’s igs client id (required on POST when configured), or send X-IGS-Client-Id' });
const STATEMENT_BODY = ApiBody({
  description: 'One Statement or an array (POST); multipart/mixed when attachment data is sent. The alternate request syntax (?method=…, form body) is accepted on POST.',
  schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] },
  examples: { imcCompleted: { summary: 'The imc partner "COMPLETED" Statement (seed 3.2)', value: STATEMENT_EXAMPLE } },
});

@ApiTags('xAPI')
@ApiExtraModels(StatementResultDto, XapiErrorDto)
@XapiAuthDocs()
@XapiResource('GET', 'PUT', 'POST')
@UseGuards(XapiAuthGuard)
@Controller('xAPI/statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Get()
  @ApiOperation({ summary: 'Get one Statement (statementId, voidedStatementId) or a StatementResult (filters, `more` pages); HEAD too' })
  @XapiQueries(
    ['statementId', 'UUID; a voided Statement is not found this way'],
    ['voidedStatementId', 'UUID of a voided Statement'],
    ['agent', 'Agent or Identified Group as JSON'],
    ['verb', 'Verb IRI'],
    ['activity', 'Activity IRI'],
    ['registration', 'UUID'],
    ['related_activities', 'true: activity also matches context and SubStatement activities'],
    ['related_agents', 'true: agent also matches authority, instructor, team and SubStatement agents'],
    ['since', 'Stored after this ISO 8601 timestamp'],
    ['until', 'Stored at or before this ISO 8601 timestamp'],
    ['limit', 'Page size; 0 or absent = server maximum'],
    ['format', 'exact | ids | canonical (with Accept-Language)'],
    ['attachments', 'true: multipart/mixed with attachment data'],
    ['ascending', 'true: oldest first'],
    ['more', 'The cursor from a previous StatementResult (send alone)'],
  )
  @ApiProduces('application/json', 'multipart/mixed')
  @ApiOkResponse({ type: StatementResultDto, description: 'A StatementResult, or a single Statement when statementId or voidedStatementId is given' })
  @ApiNotFoundResponse({ type: XapiErrorDto })
  async get(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.statements.handle(req));
  }

  @Put()
  @ApiOperation({ summary: 'Store a Statement under statementId; the same Statement again is a no-op, a different one 409' })
  @ApiQuery({ name: 'statementId', required: true })
  @IGS_QUERY
  @ApiConsumes('application/json', 'multipart/mixed')
  @STATEMENT_BODY
  @ApiNoContentResponse({ description: 'Stored (readable at once) and handed to the pipeline' })
  @ApiConflictResponse({ type: XapiErrorDto })
  @ApiForbiddenResponse({ type: XapiErrorDto, description: 'igsClientId does not match' })
  @ApiServiceUnavailableResponse({ type: XapiErrorDto, description: 'Stored, but the pipeline is down: retry (idempotent)' })
  async put(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.statements.handle(req));
  }

  @Post()
  @ApiOperation({
    summary: 'Store Statements (all or none); 200 with their ids',
    description: 'Clients with an igs client id must send it (igsClientId or X-IGS-Client-Id): missing 400, different 403.',
  })
  @IGS_QUERY
  @ApiConsumes('application/json', 'multipart/mixed', 'application/x-www-form-urlencoded')
  @STATEMENT_BODY
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'string', format: 'uuid' }, example: ['0ea6d5c8-48f5-4e8d-805a-a996f8f6867f'] } })
  @ApiConflictResponse({ type: XapiErrorDto })
  @ApiForbiddenResponse({ type: XapiErrorDto, description: 'igsClientId does not match' })
  @ApiServiceUnavailableResponse({ type: XapiErrorDto, description: 'Stored, but the pipeline is down: retry (idempotent)' })
  async post(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.statements.handle(req));
  }

  /** Not a method of this resource: the guard answers 405. */
  @Delete()
  @ApiExcludeEndpoint()
  async delete(@Xapi() req: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    sendXapi(reply, await this.statements.handle(req));
  }
}
