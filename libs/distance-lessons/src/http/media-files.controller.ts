import { Public } from '@lifelong/identity';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type MediaAnswer, MediaDelivery } from '../playback/media-delivery.service';

interface TokenParams {
  videoId: string;
  expires: string;
  signature: string;
}

/**
 * The files behind a playback link (`hlsUrl`): public, because the signed, expiring token in
 * the path is the authorization, so players fetch playlists and segments with no header.
 * Excluded from the OpenAPI document: clients only ever follow URLs the api hands out.
 */
@ApiExcludeController()
@Controller('media/v')
export class MediaFilesController {
  constructor(private readonly delivery: MediaDelivery) {}

  @Get(':videoId/:expires/:signature/:file')
  @Public()
  async top(
    @Param() params: TokenParams & { file: string },
    @Headers('range') range: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(reply, await this.delivery.open({ ...params, path: params.file, range }));
  }

  @Get(':videoId/:expires/:signature/:folder/:file')
  @Public()
  async nested(
    @Param() params: TokenParams & { folder: string; file: string },
    @Headers('range') range: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = `${params.folder}/${params.file}`;
    await this.send(reply, await this.delivery.open({ ...params, path, range }));
  }

  private async send(reply: FastifyReply, answer: MediaAnswer): Promise<void> {
    // Players on the web app's origin fetch these: allow any origin (the URL is the secret).
    void reply.header('access-control-allow-origin', '*');
    void reply.header('cross-origin-resource-policy', 'cross-origin');
    if (answer.kind === 'unsatisfiable') {
      await reply.status(416).header('content-range', `bytes */${answer.size}`).send();
      return;
    }
    void reply
      .header('content-type', answer.contentType)
      .header('cache-control', answer.cacheControl);
    if (answer.kind === 'text') {
      await reply.status(200).send(answer.body);
      return;
    }
    void reply.header('accept-ranges', 'bytes');
    const { range, size } = answer;
    if (range)
      void reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1));
    else void reply.status(200).header('content-length', String(size));
    await reply.send(answer.body);
  }
}
