import { Clock, type Page, type PageQuery } from '@lifelong/common';
import { CourseOutline } from '@lifelong/courses';
import { CompleteLessonService, EnrollmentLookup } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { LessonStaff } from '../broadcasts/lesson-staff.service';
import { TelevisionError } from '../television-error';
import { AttendancesRepository } from './attendances.repository';
import type { GroupAttendanceRecord } from './group-attendance-record.entity';
import { GroupAttendanceRecordsRepository } from './group-attendance-records.repository';

/** A voided record, with what its learner still has. */
export interface VoidOutcome {
  record: GroupAttendanceRecord;
  /** The lesson is still complete (other evidence: another attendance, or the replay watched). */
  lessonCompleted: boolean;
  courseCompleted: boolean;
  /** The course was completed and reopened by this void. */
  courseReopened: boolean;
}

/**
 * Group attendance as the course's staff see it: every record of their course (the audit, voided
 * ones included), and voiding one. A void removes the attendance it created; when no other
 * attendance of that learner at the lesson remains, the lesson's completion is withdrawn through
 * enrollment (`revokeLessonCompletion`, which keeps it when the replay was watched enough), and
 * a completed course reopens. An issued certificate is left for a facility admin to revoke.
 */
@Injectable()
export class GroupAttendanceRecords {
  constructor(
    private readonly records: GroupAttendanceRecordsRepository,
    private readonly attendances: AttendancesRepository,
    private readonly outline: CourseOutline,
    private readonly staff: LessonStaff,
    private readonly completion: CompleteLessonService,
    private readonly enrollments: EnrollmentLookup,
    private readonly clock: Clock,
  ) {}

  /** The course's records, newest first; course staff only. */
  async list(
    principal: Principal,
    courseId: string,
    query: PageQuery,
  ): Promise<Page<GroupAttendanceRecord>> {
    await this.assertCourseStaff(principal, courseId);
    return this.records.pageOfCourse(courseId, query);
  }

  /** Voids a record (once; voiding again answers the first void). Course staff only. */
  async void(principal: Principal, recordId: string, reason: string | null): Promise<VoidOutcome> {
    const found = await this.records.findById(recordId);
    if (!found)
      throw new TelevisionError(
        'GROUP_ATTENDANCE_NOT_FOUND',
        `There is no group attendance record ${recordId}`,
        { recordId },
      );
    await this.assertCourseStaff(principal, found.courseId);
    const record = await this.records.transaction(async (manager) => {
      const locked = await this.records.lockByIdOrFail(manager, recordId);
      if (locked.voidedAt) return locked;
      Object.assign(locked, {
        voidedAt: this.clock.now(),
        voidedBy: principal.userId,
        voidReason: reason,
      });
      await this.records.markVoided(manager, locked.id, {
        voidedAt: locked.voidedAt,
        voidedBy: locked.voidedBy,
        voidReason: locked.voidReason,
      });
      await this.attendances.deleteGroupAttendance(manager, locked.attendanceId);
      await recordEvent(manager, 'television.airings-changed', {
        broadcastIds: [locked.broadcastId],
      });
      return locked;
    });
    return { record, ...(await this.settleEvidence(record)) };
  }

  /** Withdraws the lesson's completion when the voided record was its only evidence. */
  private async settleEvidence(
    record: GroupAttendanceRecord,
  ): Promise<Omit<VoidOutcome, 'record'>> {
    const other = await this.attendances.anyAtLesson(record.learnerId, record.lessonId);
    if (!other) {
      const revoked = await this.completion.revokeLessonCompletion(
        record.learnerId,
        record.lessonId,
      );
      return {
        lessonCompleted: revoked.lessonCompleted,
        courseCompleted: revoked.courseCompleted,
        courseReopened: revoked.courseReopened,
      };
    }
    return {
      lessonCompleted: other.lessonCompletedAt !== null,
      courseCompleted: await this.enrollments.hasCompletedCourse(record.learnerId, record.courseId),
      courseReopened: false,
    };
  }

  private async assertCourseStaff(principal: Principal, courseId: string): Promise<void> {
    const course = await this.outline.course(courseId);
    if (!course)
      throw new TelevisionError('COURSE_NOT_FOUND', `There is no course ${courseId}`, {
        courseId,
      });
    if (!(await this.staff.isStaff(principal, course.facilityId)))
      throw new TelevisionError(
        'FORBIDDEN',
        "Only the course's instructors and the admins of its facility see and void its group attendance",
      );
  }
}
