import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUTHOR_ROLES } from '../policies';
import { LessonAuthoring } from '../lessons/lesson-authoring.service';
import { SectionAuthoring } from '../sections/section-authoring.service';
import {
  CreateLessonDto,
  LessonDto,
  LessonOrderDto,
  SectionWithLessonsDto,
  UpdateLessonDto,
} from './lesson.dto';

@ApiTags('courses')
@Controller('api/v1/sections')
export class SectionsController {
  constructor(
    private readonly sections: SectionAuthoring,
    private readonly lessons: LessonAuthoring,
  ) {}

  /** A lesson at the end of the section; the answer carries quiz answers (staff view). */
  @Post(':id/lessons')
  @HttpCode(201)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiCreatedResponse({ type: LessonDto })
  async addLesson(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CreateLessonDto,
  ): Promise<LessonDto> {
    return LessonDto.from(await this.lessons.addLesson(principal, id, body));
  }

  /** `lessonIds` must name every lesson of the section exactly once. */
  @Put(':id/lesson-order')
  @HttpCode(200)
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: SectionWithLessonsDto })
  async reorder(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: LessonOrderDto,
  ): Promise<SectionWithLessonsDto> {
    return SectionWithLessonsDto.withLessons(
      await this.sections.reorderLessons(principal, id, body.lessonIds),
    );
  }
}

@ApiTags('courses')
@Controller('api/v1/lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonAuthoring) {}

  /** Changes a lesson; on a published course a required lesson's completion rule is frozen. */
  @Patch(':id')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: LessonDto })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateLessonDto,
  ): Promise<LessonDto> {
    return LessonDto.from(await this.lessons.updateLesson(principal, id, body));
  }
}
