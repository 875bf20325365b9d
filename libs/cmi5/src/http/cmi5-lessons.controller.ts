import { AppConfig, LargeUpload } from '@lifelong/common';
import { Authenticated, CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Cmi5Launches } from '../launch/cmi5-launch.service';
import { Cmi5PackageReads } from '../packages/cmi5-package-reads.service';
import { Cmi5Packages } from '../packages/cmi5-packages.service';
import { Cmi5Lessons } from '../packages/cmi5-lessons.service';
import { PACKAGE_UPLOADERS } from '../policies';
import { Cmi5LaunchDto, Cmi5PackageDto } from './cmi5.dto';
import { withUploadedFile } from './upload-to-file';

/** Packages are unpacked whole before they are kept: at most this many zip bytes. */
export const PACKAGE_MAX_BYTES = 512 * 1024 * 1024;

@ApiTags('cmi5')
@Controller('api/v1/lessons')
export class Cmi5LessonsController {
  constructor(
    private readonly lessons: Cmi5Lessons,
    private readonly packages: Cmi5Packages,
    private readonly reads: Cmi5PackageReads,
    private readonly launches: Cmi5Launches,
    private readonly config: AppConfig,
  ) {}

  /**
   * Uploads a cmi5 package (a zip with `cmi5.xml` at its root and one AU) to a cmi5 lesson
   * (course staff); it replaces the lesson's package for later launches. 422
   * `CMI5_PACKAGE_INVALID` names the problem in `details.reason`; 413 past the size limit.
   */
  @Post(':id/cmi5-package')
  @HttpCode(201)
  @LargeUpload('video')
  @RequireRoles(...PACKAGE_UPLOADERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: Cmi5PackageDto })
  async upload(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) lessonId: string,
    @Req() request: FastifyRequest,
  ): Promise<Cmi5PackageDto> {
    const target = await this.lessons.uploadTarget(principal, lessonId);
    const maxBytes = Math.min(PACKAGE_MAX_BYTES, this.config.media.videoMaxBytes);
    return Cmi5PackageDto.from(
      await withUploadedFile(request, maxBytes, (path) =>
        this.packages.accept(target, principal.userId, path),
      ),
    );
  }

  /** The lesson's package, for its course's staff and its enrolled learners (others 404). */
  @Get(':id/cmi5-package')
  @Authenticated()
  @ApiOkResponse({ type: Cmi5PackageDto })
  async current(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) lessonId: string,
  ): Promise<Cmi5PackageDto> {
    return Cmi5PackageDto.from(await this.reads.current(principal, lessonId));
  }

  /**
   * Launches the lesson's package for the enrolled caller (cmi5 launch): a new session, the
   * launch data written to the LRS state, and the URL to open. 403 `NOT_ENROLLED` otherwise.
   */
  @Post(':id/cmi5-launch')
  @HttpCode(201)
  @Authenticated()
  @ApiCreatedResponse({ type: Cmi5LaunchDto })
  async launch(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) lessonId: string,
  ): Promise<Cmi5LaunchDto> {
    return Cmi5LaunchDto.from(await this.launches.launch(principal, lessonId));
  }
}
