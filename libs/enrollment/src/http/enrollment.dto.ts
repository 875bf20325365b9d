import { ApiProperty } from '@nestjs/swagger';
import type { Enrollment } from '../enrollments/enrollment.entity';
import type { EnrollmentDetail, LessonProgressView } from '../enrollments/enrollment-reads.service';
import {
  LESSON_PROGRESS_STATUSES,
  type LessonProgressStatus,
} from '../enrollments/enrollment-reads.service';
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../enrollments/enrollment-rules';

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

export class EnrollmentPageDto {
  @ApiProperty({ type: [EnrollmentDto] }) items!: EnrollmentDto[];
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

  static from(view: LessonProgressView): LessonProgressDto {
    const { lessonId, status, watchedSeconds, positionSeconds, completedAt } = view;
    return { lessonId, status, watchedSeconds, positionSeconds, completedAt };
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
