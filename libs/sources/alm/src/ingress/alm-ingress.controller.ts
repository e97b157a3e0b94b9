import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RawBody, RawBodyRoute } from '@hub/observability';
import { ALM_DELIVERY_LOG_ROUTE } from '../deliveries/alm-delivery-recorder.js';
import { AlmDeliveryReceiptDto } from './alm-delivery-receipt.dto.js';
import { AlmIngressService } from './alm-ingress.service.js';

const DELIVERY_SCHEMA = {
  type: 'object',
  required: ['accountId', 'events'],
  properties: {
    accountId: { oneOf: [{ type: 'integer' }, { type: 'string' }], example: 1234 },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['eventId', 'eventName'],
        properties: {
          eventId: { type: 'string' },
          eventName: { type: 'string', description: 'One of the 27 documented names; unknown names are stored too' },
          timestamp: { oneOf: [{ type: 'string', format: 'date-time' }, { type: 'integer', description: 'epoch seconds or milliseconds' }] },
          eventInfo: { type: 'string' },
          data: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
};

const EXAMPLES = {
  enrollment: {
    summary: 'COURSE_ENROLLMENT (user guide sample, ISO times)',
    value: {
      accountId: 1234,
      events: [
        {
          eventId: '12345c1-4576-4ec5-a057-3a6f078cc9d6',
          eventName: 'COURSE_ENROLLMENT',
          timestamp: '2024-11-08T03:49:52.000Z',
          eventInfo: '123424713000-040366-10488-0',
          data: { userId: 12345678, loId: 'course:12345678', loInstanceId: 'course:12345678_14450088', loType: 'course', enrollmentSource: 'SELF_ENROLL', dateEnrolled: '2024-11-08T03:49:52.000Z' },
        },
      ],
    },
  },
  seats: {
    summary: 'CI_STATS (admin page sample, epoch seconds)',
    value: {
      accountId: 1234,
      events: [
        {
          eventId: '01234567-0458-4450-b5dd-6bc1edr4560',
          eventName: 'CI_STATS',
          timestamp: 1725604147,
          eventInfo: '1725604145-LoSt',
          data: { loInstanceId: 'course:1234567_123456775', waitlistCount: 0, enrollmentCount: 10, seatLimit: 30 },
        },
      ],
    },
  },
};

@ApiTags('alm')
@Controller('webhooks/alm')
export class AlmIngressController {
  constructor(private readonly ingress: AlmIngressService) {}

  @Post(':webhookId')
  @HttpCode(202)
  // The exact bytes: the HMAC is over them, and ALM's documented bodies carry trailing commas that strict JSON refuses.
  @RawBodyRoute({ [ALM_DELIVERY_LOG_ROUTE]: true })
  @ApiOperation({
    summary: 'Receive an ALM webhook delivery',
    description:
      'Authenticated per webhook: none, HTTP Basic, or a signature header (HMAC over the raw body, or a static token; ' +
      'header, algorithm and encoding as configured). The body {accountId, events: [...]} is read leniently (trailing commas; ' +
      'ISO, epoch-second or epoch-millisecond times; unknown event names are stored). 202 once the whole delivery is durably ' +
      'in the pipeline; resent deliveries and repeated events are stored once. Every delivery but a 404 appears in ' +
      'GET /admin/alm/webhooks/{id}/deliveries.',
  })
  @ApiParam({ name: 'webhookId', description: 'The id returned by POST /admin/alm/webhooks', example: '0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c' })
  @ApiHeader({ name: 'x-alm-signature', required: false, description: 'Signature webhooks: hex HMAC-SHA256 of the raw body by default (a `sha256=` prefix is accepted); the header name is configurable' })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Basic webhooks: `Basic base64(username:password)`' })
  @ApiConsumes('application/json')
  @ApiBody({ schema: DELIVERY_SCHEMA, examples: EXAMPLES })
  @ApiAcceptedResponse({ type: AlmDeliveryReceiptDto, description: 'The delivery is durably in the pipeline' })
  @ApiBadRequestResponse({ description: 'Not an ALM delivery even when read leniently (problem+json naming the field); the bytes are kept in the dead-letter store' })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong credentials or signature (problem+json)' })
  @ApiNotFoundResponse({ description: 'Unknown or disabled webhook (problem+json)' })
  @ApiPayloadTooLargeResponse({ description: 'Body over HUB_BODY_LIMIT_BYTES (default 5 MB)' })
  @ApiServiceUnavailableResponse({ description: 'The pipeline is unavailable; retry after Retry-After seconds. Nothing was accepted.' })
  @ApiInternalServerErrorResponse({ description: 'The webhook’s stored secret cannot be decrypted (HUB_SECRET_KEY changed): an operator must set it again' })
  receive(@Param('webhookId') webhookId: string, @RawBody() body: Buffer, @Req() request: FastifyRequest): Promise<AlmDeliveryReceiptDto> {
    return this.ingress.receive(webhookId, body, request);
  }
}
