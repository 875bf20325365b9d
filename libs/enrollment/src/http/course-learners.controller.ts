import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CourseLearners } from '../learners/course-learners.service';
import {
  CourseLearnerDto,
  CourseLearnerPageDto,
  LearnerFilterQuery,
  LearnersQuery,
} from './course-learners.dto';

/** A course's learners for its staff: progress, completion, certificate, waitlist; and as CSV. */
@ApiTags('enrollment')
@Controller('api/v1/courses/:id')
export class CourseLearnersController {
  constructor(private readonly learners: CourseLearners) {}

  /**
   * The course's learners with their progress, completion and certificate: all of them by name,
   * or those of one status (the waitlist in queue order with each one's place); searched by
   * name or email without diacritics.
   */
  @Get('learners')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: CourseLearnerPageDto })
  async list(
    @CurrentUser() principal: Principal,
    @Param('id') courseId: string,
    @Query() query: LearnersQuery,
  ): Promise<CourseLearnerPageDto> {
    const { status, q } = query;
    const page = await this.learners.page(principal, courseId, { status, q }, query);
    return { ...page, items: page.items.map((view) => CourseLearnerDto.from(view)) };
  }

  /** The same learners (every page) as CSV, streamed. */
  @Get('learners.csv')
  @RequireRoles(...AUTHOR_ROLES)
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv, one row per learner' })
  async csv(
    @CurrentUser() principal: Principal,
    @Param('id') courseId: string,
    @Query() query: LearnerFilterQuery,
  ): Promise<StreamableFile> {
    const stream = await this.learners.csv(principal, courseId, query);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="learners.csv"',
    });
  }
}
