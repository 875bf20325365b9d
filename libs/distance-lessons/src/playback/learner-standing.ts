import { EnrollmentsRepository, LessonProgressRepository } from '@lifelong/enrollment';
import { Injectable } from '@nestjs/common';

/** A learner's standing in a lesson, for playback: may they watch, and where did they stop. */
export interface Standing {
  /** Active or completed enrollment in the lesson's course. */
  enrolled: boolean;
  /** Where playback resumes (0 when they never reported progress). */
  positionSeconds: number;
}

const WATCHING = new Set(['active', 'completed']);

/** Reads the enrollment lib's records; the rules of enrollment stay there. */
@Injectable()
export class LearnerStanding {
  constructor(
    private readonly enrollments: EnrollmentsRepository,
    private readonly progress: LessonProgressRepository,
  ) {}

  async of(userId: string, courseId: string, lessonId: string): Promise<Standing> {
    const enrollment = await this.enrollments.findByCourseAndUser(courseId, userId);
    if (!enrollment || !WATCHING.has(enrollment.status))
      return { enrolled: false, positionSeconds: 0 };
    const context = await this.progress.readReportContext(enrollment.id, lessonId);
    return { enrolled: true, positionSeconds: context?.progress?.positionSeconds ?? 0 };
  }
}
