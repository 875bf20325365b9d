import { LargeUpload } from '@lifelong/common';
import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, Public, RequireRoles } from '@lifelong/identity';
import { Controller, Delete, Head, Options, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TusUploads } from '../upload/tus-uploads.service';

const TUS_DOCS =
  'tus 1.0 resumable upload (core, creation, creation-with-upload, termination). ' +
  'Upload-Metadata must carry `lessonId` (and may carry `filename`); Bearer token on every request. ' +
  'The last PATCH answers with the header `Video-Id`.';

/**
 * The tus protocol, served by `@tus/server` on the raw request: Nest checks the Bearer token
 * (every method but OPTIONS), then the tus server reads the body and writes the answer.
 */
@ApiTags('distance-lessons')
@Controller('api/v1/uploads')
export class TusUploadsController {
  constructor(private readonly tus: TusUploads) {}

  @Post()
  @LargeUpload('video')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Create a resumable upload', description: TUS_DOCS })
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'Upload-Metadata', required: true })
  @ApiHeader({ name: 'Tus-Resumable', required: true })
  create(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.serve(principal, request, reply);
  }

  @Head(':uploadId')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'The offset an interrupted upload resumes from (Upload-Offset)' })
  offset(
    @CurrentUser() principal: Principal,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.serve(principal, request, reply, uploadId);
  }

  @Patch(':uploadId')
  @LargeUpload('video')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Append bytes at Upload-Offset', description: TUS_DOCS })
  append(
    @CurrentUser() principal: Principal,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.serve(principal, request, reply, uploadId);
  }

  @Delete(':uploadId')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOperation({ summary: 'Cancel an unfinished upload' })
  cancel(
    @CurrentUser() principal: Principal,
    @Param('uploadId') uploadId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.serve(principal, request, reply, uploadId);
  }

  /** Capability discovery (Tus-Version, Tus-Extension, Tus-Max-Size): no token needed. */
  @Options()
  @Public()
  @ApiExcludeEndpoint()
  capabilities(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.serve(null, request, reply);
  }

  private async serve(
    principal: Principal | null,
    request: FastifyRequest,
    reply: FastifyReply,
    uploadId?: string,
  ): Promise<void> {
    // tus honours X-HTTP-Method-Override; the auth decision above was made for the real method.
    delete request.raw.headers['x-http-method-override'];
    // A malformed id is refused here, before the reply is handed to tus.
    if (uploadId !== undefined) this.tus.assertUploadId(uploadId);
    reply.hijack();
    reply.raw.setHeader('x-request-id', String(request.id));
    await this.tus.handle(principal, request.raw, reply.raw, uploadId);
  }
}
