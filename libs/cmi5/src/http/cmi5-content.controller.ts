import { Public } from '@lifelong/identity';
import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ContentFiles } from '../packages/content-files.service';

/**
 * What a package's content may do in the browser: load its own files and talk to this origin
 * (the LRS) only, run no inline script, be framed only by the platform's own pages.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * A package's files behind a launch link: public, because the signed, expiring prefix is the
 * authorization (a frame sends no token), and relative links inside the content keep it.
 * Excluded from the OpenAPI document: only URLs the launch hands out lead here.
 */
@ApiExcludeController()
@Controller('cmi5-content')
export class Cmi5ContentController {
  constructor(private readonly files: ContentFiles) {}

  @Get(':packageId/:expires/:signature/*')
  @Public()
  async file(
    @Param('packageId', ParseUUIDPipe) packageId: string,
    @Param('expires') expires: string,
    @Param('signature') signature: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = (request.params as Record<string, string>)['*'] ?? '';
    const answer = await this.files.open(packageId, expires, signature, path);
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (answer.kind !== 'file') {
      await reply
        .status(answer.kind === 'gone' ? 403 : 404)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(answer.kind === 'gone' ? 'This link has expired' : 'Not found');
      return;
    }
    await reply
      .status(200)
      .header('content-type', answer.contentType)
      .header('content-length', String(answer.size))
      .header('cache-control', 'private, max-age=3600')
      .header('cross-origin-resource-policy', 'same-origin')
      .send(answer.body);
  }
}
