import { AUTHOR_ROLES } from '@lifelong/courses';
import { CurrentUser, type Principal, RequireRoles } from '@lifelong/identity';
import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LessonChecks } from '../attendance/lesson-checks.service';
import { CheckQuizDto, CheckQuizResultDto } from './lesson-check.dto';

@ApiTags('television-lessons')
@Controller('api/v1/lessons')
export class LessonChecksController {
  constructor(private readonly checks: LessonChecks) {}

  /**
   * Makes a television lesson count only after a check quiz (a quiz lesson of the same course)
   * is passed as well as attendance; null removes the check.
   */
  @Put(':id/check-quiz')
  @RequireRoles(...AUTHOR_ROLES)
  @ApiOkResponse({ type: CheckQuizResultDto })
  setCheck(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: CheckQuizDto,
  ): Promise<CheckQuizResultDto> {
    return this.checks.set(principal, id, body.quizLessonId);
  }
}
