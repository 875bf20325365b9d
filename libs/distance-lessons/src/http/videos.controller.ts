import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { VideoError } from '../distance-lessons-error';
import { VideoSubtitles } from '../subtitles/video-subtitles.service';
import { VideoReads } from '../videos/video-reads.service';
import { SUBTITLE_LANGUAGES } from '../videos/video-status';
import { smallUpload } from './read-multipart';
import { SubtitleDto, SubtitleFieldsDto, VideoDto } from './video.dto';

/** WebVTT files are text: a few hundred KiB for a long lesson. */
const SUBTITLE_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('distance-lessons')
@Controller('api/v1/videos')
export class VideosController {
  constructor(
    private readonly reads: VideoReads,
    private readonly subtitles: VideoSubtitles,
  ) {}

  /** Processing state, progress, renditions and the failure reason (course staff). */
  @Get(':id')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: VideoDto })
  async status(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<VideoDto> {
    return VideoDto.from(await this.reads.status(principal, id));
  }

  /** Adds (or replaces) the WebVTT track of a language; it appears in the master playlist. */
  @Post(':id/subtitles')
  @HttpCode(201)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'language'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'WebVTT (.vtt), UTF-8' },
        language: { type: 'string', enum: [...SUBTITLE_LANGUAGES] },
      },
    },
  })
  @ApiCreatedResponse({ type: SubtitleDto })
  async addSubtitles(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<SubtitleDto> {
    const { fields, file } = await smallUpload(request, SUBTITLE_MAX_BYTES);
    const checked = plainToInstance(SubtitleFieldsDto, { language: fields.language });
    const problems = await validate(checked);
    if (problems.length > 0 || !file)
      throw VideoError.invalid({
        ...(problems.length > 0
          ? { language: [`language must be one of ${SUBTITLE_LANGUAGES.join(', ')}`] }
          : {}),
        ...(file ? {} : { file: ['A multipart field "file" with the WebVTT track is required'] }),
      });
    return SubtitleDto.from(await this.subtitles.add(principal, id, checked.language, file));
  }
}
