import { PageQuery } from '@lifelong/common';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import { StudioCourses } from '../studio/studio-courses.service';
import {
  StudioCourseDto,
  StudioCoursePageDto,
  StudioCoursesQuery,
  StudioFacilityPageDto,
} from './studio.dto';

/** The studio's lists: what an instructor or facility admin works on, in every state. */
@ApiTags('courses')
@Controller('api/v1/studio')
export class StudioController {
  constructor(private readonly studio: StudioCourses) {}

  /** The facilities where the caller authors courses, by name. */
  @Get('facilities')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: StudioFacilityPageDto })
  facilities(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<StudioFacilityPageDto> {
    return this.studio.facilities(principal, query);
  }

  /** The courses of those facilities, in any state, most recently changed first. */
  @Get('courses')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: StudioCoursePageDto })
  async courses(
    @CurrentUser() principal: Principal,
    @Query() query: StudioCoursesQuery,
  ): Promise<StudioCoursePageDto> {
    const { status, facilityId, q } = query;
    const page = await this.studio.courses(principal, { status, facilityId, q }, query);
    return { ...page, items: page.items.map((course) => StudioCourseDto.fromStudio(course)) };
  }

  /** Courses in review at the facilities where the caller approves, oldest change first. */
  @Get('review-queue')
  @RequireRoles(...APPROVER_ROLES)
  @ApiOkResponse({ type: StudioCoursePageDto })
  async reviewQueue(
    @CurrentUser() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<StudioCoursePageDto> {
    const page = await this.studio.courses(
      principal,
      { status: 'in_review', approving: true },
      query,
    );
    return { ...page, items: page.items.map((course) => StudioCourseDto.fromStudio(course)) };
  }
}
