import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NO_STORE_HEADERS, OAUTH_CONTENT_TYPE } from './oauth-error.js';
import { OAuthErrorDto, TokenRequestDto, TokenResponseDto } from './oauth-token.dto.js';
import { OAuthTokenService } from './oauth-token.service.js';

type RawRequest = FastifyRequest & { rawBody?: Buffer };

@ApiTags('xAPI')
@ApiExtraModels(TokenRequestDto)
@Controller('igs/oauth')
export class OAuthTokenController {
  constructor(private readonly tokens: OAuthTokenService) {}

  @Post('accesstoken')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Get an access token with the client-credentials grant (RFC 6749 section 4.4)',
    description:
      'Client id and secret in the body (form-encoded or JSON — a JSON body sent with the form content type, as in the imc seed, is read as JSON) or with HTTP Basic. Errors use the RFC 6749 section 5.2 JSON shape; failed attempts are rate-limited per client id and address (429 with Retry-After).',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({
    type: TokenRequestDto,
    examples: {
      form: { value: { grant_type: 'client_credentials', client_id: 'xapi-3f9a1c0b7d2e4f6a8b9c', client_secret: 'xs_Jk3x…' } },
    },
  })
  @ApiOkResponse({ type: TokenResponseDto, headers: { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } } })
  @ApiBadRequestResponse({ type: OAuthErrorDto, description: 'invalid_request or unsupported_grant_type' })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client, with WWW-Authenticate' })
  @ApiResponse({ status: 429, type: OAuthErrorDto, description: 'Too many failed attempts for this client id and address' })
  async issue(@Req() request: RawRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponseDto> {
    const response = await this.tokens.issue(
      { contentType: request.headers['content-type'], rawBody: request.rawBody ?? rawOf(request.body), authorization: request.headers.authorization },
      request.ip,
    );
    reply.headers(NO_STORE_HEADERS).type(OAUTH_CONTENT_TYPE);
    return response;
  }
}

/** Bodies of types Nest does not keep raw (text/plain, others) arrive as strings or Buffers. */
function rawOf(body: unknown): Buffer | string | undefined {
  return typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined;
}
