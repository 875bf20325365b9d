import { AppConfig, LargeUpload } from '@lifelong/common';
import { AUTHOR_ROLES } from '@lifelong/courses';
import { Authenticated, CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PlaybackService } from '../playback/playback.service';
import { VideoUploads } from '../upload/video-uploads.service';
import { fileStream, tooLargeAsDomainError } from './read-multipart';
import { AcceptedUploadDto, PlaybackDto } from './video.dto';

@ApiTags('distance-lessons')
@Controller('api/v1/lessons')
export class LessonVideosController {
  constructor(
    private readonly uploads: VideoUploads,
    private readonly playbacks: PlaybackService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Uploads the lesson's video (course staff), streamed into storage. 415 when the file is no
   * video, 413 over VIDEO_MAX_BYTES, 422 for a lesson that takes no video. For large files over
   * unreliable links use the tus endpoint `/api/v1/uploads` instead.
   */
  @Post(':id/video')
  @HttpCode(202)
  @LargeUpload('video')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiAcceptedResponse({ type: AcceptedUploadDto })
  async upload(
    @CurrentUser() principal: Principal,
    @Param('id') lessonId: string,
    @Req() request: FastifyRequest,
  ): Promise<AcceptedUploadDto> {
    const maxBytes = this.config.media.videoMaxBytes;
    const target = await this.uploads.target(principal, lessonId);
    const part = await fileStream(request, maxBytes);
    try {
      return AcceptedUploadDto.from(
        await this.uploads.acceptStream(target, part.file, part.filename || null),
      );
    } catch (error) {
      throw tooLargeAsDomainError(error, maxBytes);
    }
  }

  /** A signed, expiring HLS link for enrolled learners and the course's staff (others 404). */
  @Get(':id/playback')
  @Authenticated()
  @ApiOkResponse({ type: PlaybackDto })
  async playback(
    @CurrentUser() principal: Principal,
    @Param('id') lessonId: string,
  ): Promise<PlaybackDto> {
    return PlaybackDto.from(await this.playbacks.playback(principal, lessonId));
  }
}
