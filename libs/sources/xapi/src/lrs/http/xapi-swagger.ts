import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBasicAuth, ApiBearerAuth, ApiHeader, ApiProperty, ApiPropertyOptional, ApiQuery, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IMC_COMPLETED_STATEMENT } from '../../fixtures/imc-completed-statement.fixture.js';

/** OpenAPI security scheme names (declared in apps/api/src/openapi.ts). */
export const XAPI_TOKEN_SECURITY = 'xapi-token';
export const XAPI_BASIC_SECURITY = 'xapi-basic';

export class XapiErrorDto {
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'The Statements are invalid; nothing was stored' }) message: string;
  @ApiPropertyOptional({ example: [{ path: '[0].actor.mbox', message: 'must be a mailto IRI' }] }) errors?: { path: string; message: string }[];
}

export class StatementResultDto {
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [IMC_COMPLETED_STATEMENT] }) statements: unknown[];
  @ApiProperty({ example: '/xAPI/statements?more=WyJ7fSIs…', description: 'Relative IRL of the next page, or "" when there is none' }) more: string;
}

export class AboutDto {
  @ApiProperty({ example: ['1.0.0', '1.0.1', '1.0.2', '1.0.3'] }) version: string[];
  @ApiPropertyOptional({ example: { 'https://learning-hub.dev/xapi/about': { igsClientId: 'igsClientId parameter or X-IGS-Client-Id header on statement POSTs' } } })
  extensions?: Record<string, unknown>;
}

export class PersonDto {
  @ApiProperty({ example: 'Person' }) objectType: 'Person';
  @ApiProperty({ example: ['Max Mustermann'] }) name: string[];
  @ApiPropertyOptional({ example: ['mailto:max.mustermann@somedomain.com'] }) mbox?: string[];
  @ApiPropertyOptional() mbox_sha1sum?: string[];
  @ApiPropertyOptional() openid?: string[];
  @ApiPropertyOptional({ example: [{ homePage: 'https://lms.example', name: 'max' }] }) account?: { homePage: string; name: string }[];
}

export const STATEMENT_EXAMPLE = IMC_COMPLETED_STATEMENT;

/** Authentication, the version header and the common error answers of every authenticated xAPI route. */
export function XapiAuthDocs(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(XAPI_TOKEN_SECURITY),
    ApiBasicAuth(XAPI_BASIC_SECURITY),
    ApiHeader({ name: 'X-Experience-API-Version', required: true, description: '1.0.x (responses carry 1.0.3)', schema: { type: 'string', example: '1.0.3' } }),
    ApiBadRequestResponse({ type: XapiErrorDto, description: 'Invalid parameters, headers or content (JSON, not problem+json)' }),
    ApiUnauthorizedResponse({ type: XapiErrorDto, description: 'Missing or bad credentials' }),
  );
}

/** The optional parameters of a resource, for the OpenAPI document. */
export function XapiQueries(...params: [name: string, description: string][]): MethodDecorator {
  return applyDecorators(...params.map(([name, description]) => ApiQuery({ name, required: false, description, schema: { type: 'string' } })));
}
