import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DashboardAssets } from './dashboard-assets.js';

/**
 * The dashboard's static files: code and styles only, no data, so they are public (the sign-in form needs them
 * before there is a session). Everything under /admin needs the token or a session.
 */
@ApiExcludeController()
@Controller('assets')
export class DashboardAssetsController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get(':file')
  serve(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const asset = this.assets.get(file);
    if (!asset) throw new NotFoundException(`No asset ${file}`);
    reply.header('ETag', asset.etag).header('Cache-Control', 'no-cache').header('X-Content-Type-Options', 'nosniff');
    if (request.headers['if-none-match'] === asset.etag) {
      reply.status(304).send();
      return;
    }
    reply.type(asset.contentType).send(asset.body);
  }
}
