import { Injectable } from '@nestjs/common';
import { isLearningStatus } from '../enrollments/enrollment.rules';
import { EnrollmentsRepository } from '../enrollments/enrollments.repository';
import { LessonProgressRepository } from './lesson-progress.repository';

/** A learner's standing in a lesson, for playback: may they watch, and where did they stop. */
export interface Standing {
  /** An enrollment in the lesson's course that may learn (see `isLearningStatus`). */
  enrolled: boolean;
  /** Where playback resumes (0 when they never reported progress). */
  positionSeconds: number;
}

/** Who may watch a lesson video and where it resumes, for distance lessons' playback. */
@Injectable()
export class LearnerStanding {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
  ) {}

  async of(userId: string, courseId: string, lessonId: string): Promise<Standing> {
    const enrollment = await this.enrollments.findByCourseAndUser(courseId, userId);
    if (!enrollment || !isLearningStatus(enrollment.status))
      return { enrolled: false, positionSeconds: 0 };
    const context = await this.progress.readReportContext(enrollment.id, lessonId);
    return { enrolled: true, positionSeconds: context?.progress?.positionSeconds ?? 0 };
  }
}
