import { ApiProperty } from '@nestjs/swagger';
import type { Enrollment } from '../enrollments/enrollment.entity';
import type {
  EnrollmentDetail,
  LessonProgressView,
  MyEnrollmentView,
} from '../enrollments/enrollment-reads.service';
import { COURSE_STATUSES, type CourseStatus } from '@lifelong/courses';
import {
  LESSON_PROGRESS_STATUSES,
  type LessonProgressStatus,
} from '../enrollments/enrollment-reads.service';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollments/enrollment.rules';

export class EnrollmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status!: EnrollmentStatus;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Completed required lessons, percent' })
  progressPercent!: number;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;

  static from(enrollment: Enrollment): EnrollmentDto {
    const { id, courseId, userId, status, progressPercent, enrolledAt, completedAt } = enrollment;
    return { id, courseId, userId, status, progressPercent, enrolledAt, completedAt };
  }
}

/** An item of the learner's own list: the enrollment and what the list shows of its course. */
export class MyEnrollmentDto extends EnrollmentDto {
  @ApiProperty() courseTitle!: string;
  @ApiProperty({
    enum: COURSE_STATUSES,
    description: 'An archived course stays listed: the learner keeps their record',
  })
  courseStatus!: CourseStatus;

  static fromView(view: MyEnrollmentView): MyEnrollmentDto {
    return {
      ...EnrollmentDto.from(view.enrollment),
      courseTitle: view.courseTitle,
      courseStatus: view.courseStatus,
    };
  }
}

export class EnrollmentPageDto {
  @ApiProperty({ type: [MyEnrollmentDto] }) items!: MyEnrollmentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LessonProgressDto {
  @ApiProperty() lessonId!: string;
  @ApiProperty({ enum: LESSON_PROGRESS_STATUSES }) status!: LessonProgressStatus;
  @ApiProperty({ description: 'Distinct seconds of the video watched' }) watchedSeconds!: number;
  @ApiProperty({ description: 'Where playback resumes' }) positionSeconds!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ description: 'Quiz lessons: attempts made so far (0 for other kinds)' })
  attemptsMade!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Quiz lessons: the best score so far, percent; null before any attempt',
  })
  bestScore!: number | null;

  static from(view: LessonProgressView): LessonProgressDto {
    const { lessonId, status, watchedSeconds, positionSeconds, completedAt } = view;
    const { attemptsMade, bestScore } = view;
    return {
      lessonId,
      status,
      watchedSeconds,
      positionSeconds,
      completedAt,
      attemptsMade,
      bestScore,
    };
  }
}

export class EnrollmentDetailDto extends EnrollmentDto {
  @ApiProperty({ type: [LessonProgressDto], description: 'Every lesson of the course, in order' })
  lessons!: LessonProgressDto[];

  static fromDetail(detail: EnrollmentDetail): EnrollmentDetailDto {
    return {
      ...EnrollmentDto.from(detail.enrollment),
      lessons: detail.lessons.map((lesson) => LessonProgressDto.from(lesson)),
    };
  }
}
