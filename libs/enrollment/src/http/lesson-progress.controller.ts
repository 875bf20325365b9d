import { Authenticated, CurrentUser, type Principal } from '@lifelong/identity';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CompleteLessonService } from '../completion/complete-lesson.service';
import { RecordProgressService } from '../progress/record-progress.service';
import { SubmitQuizAttemptService } from '../quizzes/submit-quiz-attempt.service';
import {
  LessonCompletionDto,
  ProgressReportDto,
  ProgressResultDto,
  QuizAttemptDto,
  QuizAttemptResultDto,
} from './progress.dto';

@ApiTags('enrollment')
@Controller('api/v1/enrollments/:id/lessons/:lessonId')
export class LessonProgressController {
  constructor(
    private readonly progress: RecordProgressService,
    private readonly completions: CompleteLessonService,
    private readonly quizzes: SubmitQuizAttemptService,
  ) {}

  /** A video player's report: segments watched since the last one, and the position. */
  @Post('progress')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: ProgressResultDto })
  async report(
    @CurrentUser() principal: Principal,
    @Param('id') enrollmentId: string,
    @Param('lessonId') lessonId: string,
    @Body() body: ProgressReportDto,
  ): Promise<ProgressResultDto> {
    const result = await this.progress.report(principal.userId, enrollmentId, lessonId, body);
    return ProgressResultDto.from(result);
  }

  /** Marks a reading lesson as done. */
  @Post('complete')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: LessonCompletionDto })
  async complete(
    @CurrentUser() principal: Principal,
    @Param('id') enrollmentId: string,
    @Param('lessonId') lessonId: string,
  ): Promise<LessonCompletionDto> {
    const { completedAt, courseCompleted } = await this.completions.markReadingDone(
      principal.userId,
      enrollmentId,
      lessonId,
    );
    return { lessonId, completedAt, courseCompleted };
  }

  /** An attempt at a quiz lesson; a passing one completes the lesson. */
  @Post('attempts')
  @HttpCode(201)
  @Authenticated()
  @ApiCreatedResponse({ type: QuizAttemptResultDto })
  async attempt(
    @CurrentUser() principal: Principal,
    @Param('id') enrollmentId: string,
    @Param('lessonId') lessonId: string,
    @Body() body: QuizAttemptDto,
  ): Promise<QuizAttemptResultDto> {
    const { score, passed } = await this.quizzes.submit(
      principal.userId,
      enrollmentId,
      lessonId,
      body.answers,
    );
    return { score, passed };
  }
}
