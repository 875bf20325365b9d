import {
  CurrentUser,
  OptionalCaller,
  type Principal,
  Public,
  RequireRoles,
} from '@lifelong/identity';
import { PageQuery } from '@lifelong/common';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CourseCatalogue } from '../catalogue/course-catalogue.service';
import { CourseAuthoring } from '../courses/course-authoring.service';
import type { CoursePatch, NewCourse } from '../courses/course-input';
import { APPROVER_ROLES, AUTHOR_ROLES } from '../policies';
import { CoursePublishing } from '../publishing/course-publishing.service';
import { SectionAuthoring } from '../sections/section-authoring.service';
import {
  CatalogueTagPageDto,
  CourseDto,
  CoursePageDto,
  CreateCourseDto,
  ListCoursesQuery,
  UpdateCourseDto,
} from './course.dto';
import { CourseDetailDto, ReturnCourseDto } from './course-detail.dto';
import { toInstant } from './field.rules';
import { CreateSectionDto, SectionDto } from './lesson.dto';

@ApiTags('courses')
@Controller('api/v1/courses')
export class CoursesController {
  constructor(
    private readonly authoring: CourseAuthoring,
    private readonly sections: SectionAuthoring,
    private readonly publishing: CoursePublishing,
    private readonly catalogue: CourseCatalogue,
  ) {}

  /** A new draft at a facility the caller authors for. */
  @Post()
  @HttpCode(201)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiCreatedResponse({ type: CourseDto })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateCourseDto,
  ): Promise<CourseDto> {
    const input: NewCourse = {
      ...coursePatch(body),
      facilityId: body.facilityId,
      title: body.title,
      summary: body.summary,
    };
    return CourseDto.from(await this.authoring.create(principal, input));
  }

  /** The public catalogue: published courses only. */
  @Get()
  @Public()
  @ApiOkResponse({ type: CoursePageDto })
  async list(@Query() query: ListCoursesQuery): Promise<CoursePageDto> {
    const { q, facilityId, adminUnitId, tag, facilityType } = query;
    const page = await this.catalogue.list(
      { q, facilityId, adminUnitId, tag, facilityType },
      query,
    );
    return { ...page, items: page.items.map((course) => CourseDto.from(course)) };
  }

  /** A course with its sections and lessons; drafts and quiz answers for its staff only. */
  @Get(':id')
  @Public({ identifiesCaller: true })
  @ApiOkResponse({ type: CourseDetailDto })
  async detail(
    @OptionalCaller() principal: Principal | null,
    @Param('id') id: string,
  ): Promise<CourseDetailDto> {
    return CourseDetailDto.detail(await this.catalogue.detail(principal, id));
  }

  @Patch(':id')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: CourseDto })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateCourseDto,
  ): Promise<CourseDto> {
    return CourseDto.from(await this.authoring.update(principal, id, coursePatch(body)));
  }

  @Post(':id/sections')
  @HttpCode(201)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiCreatedResponse({ type: SectionDto })
  async addSection(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CreateSectionDto,
  ): Promise<SectionDto> {
    return SectionDto.from(await this.sections.addSection(principal, id, body.title));
  }

  /** 200 `published` or `in_review`; 422 `COURSE_NOT_READY` with `details.reasons`. */
  @Post(':id/publish')
  @HttpCode(200)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: CourseDto })
  async publish(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CourseDto> {
    return CourseDto.from(await this.publishing.publish(principal, id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequireRoles(...APPROVER_ROLES)
  @ApiOkResponse({ type: CourseDto })
  async approve(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CourseDto> {
    return CourseDto.from(await this.publishing.approve(principal, id));
  }

  /** A facility admin returns a course in review to its authors as a draft, with a comment. */
  @Post(':id/return')
  @HttpCode(200)
  @RequireRoles(...APPROVER_ROLES)
  @ApiOkResponse({ type: CourseDto })
  async returnToAuthors(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: ReturnCourseDto,
  ): Promise<CourseDto> {
    return CourseDto.from(await this.publishing.returnToAuthors(principal, id, body.comment));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: CourseDto })
  async archive(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<CourseDto> {
    return CourseDto.from(await this.publishing.archive(principal, id));
  }
}

/** The body's course fields as the services take them (times as Dates). */
function coursePatch(body: UpdateCourseDto): CoursePatch {
  return {
    code: body.code,
    title: body.title,
    summary: body.summary,
    description: body.description,
    language: body.language,
    tags: body.tags,
    capacity: body.capacity,
    hours: body.hours,
    validityMonths: body.validityMonths,
    enrollmentOpensAt: toInstant(body.enrollmentOpensAt),
    enrollmentClosesAt: toInstant(body.enrollmentClosesAt),
  };
}

/** The catalogue's tags, for the filter a visitor picks from. */
@ApiTags('courses')
@Controller('api/v1/course-tags')
export class CourseTagsController {
  constructor(private readonly catalogue: CourseCatalogue) {}

  /** Tags of published courses, most used first. */
  @Get()
  @Public()
  @ApiOkResponse({ type: CatalogueTagPageDto })
  tags(@Query() query: PageQuery): Promise<CatalogueTagPageDto> {
    return this.catalogue.tags(query);
  }
}
