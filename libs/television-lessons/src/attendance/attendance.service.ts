import { AppConfig, Clock, newId } from '@lifelong/common';
import { EnrollmentLookup } from '@lifelong/enrollment';
import { AccessPolicy, type Principal, UserLookup } from '@lifelong/identity';
import { FacilityDirectory, type FacilityType } from '@lifelong/organizations';
import { recordEvent, retryOnDeadlock } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeCode } from '../broadcasts/attendance-code';
import type { Broadcast } from '../broadcasts/broadcast.entity';
import { BroadcastsRepository } from '../broadcasts/broadcasts.repository';
import { AUTHOR_ROLES } from '@lifelong/courses';
import { TelevisionError } from '../television-error';
import { type AttendanceMethod, BroadcastAttendance } from './attendance.entity';
import { attendanceWindowProblem, WINDOW_MESSAGES } from './attendance-window';
import { AttendancesRepository } from './attendances.repository';
import { CodeGuessThrottle } from './code-guess-throttle.service';
import { GroupAttendanceRecordsRepository } from './group-attendance-records.repository';
import { LessonCompletion, type PresenceOutcome } from './lesson-completion.service';

/** A learner's presence, as recorded. */
export interface AttendanceRecord extends PresenceOutcome {
  broadcastId: string;
  userId: string;
  method: AttendanceMethod;
  recordedAt: Date;
}

/** Why a named learner was not recorded by group attendance. */
export type SkipReason = 'unknown_user' | 'not_enrolled' | 'already_recorded' | 'other_facility';

export interface GroupOutcome {
  recorded: string[];
  skipped: { userId: string; reason: SkipReason }[];
}

/**
 * The facilities that hold viewings, where a group watches a broadcast together: community
 * learning centres and the continuing-education centres. Universities and other facilities do
 * not record group attendance.
 */
export const VIEWING_FACILITY_TYPES: readonly FacilityType[] = [
  'community_learning_center',
  'provincial_ce_center',
  'district_vocational_ce_center',
];

/** Learners one group attendance call may name. */
export const GROUP_ATTENDANCE_MAX = 200;

/**
 * Proof of learning at an airing: a learner enters the code shown on screen, or a facilitator
 * records the learners watching together at a community learning centre. Either way one
 * attendance per learner and airing, and the lesson completes through enrollment.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly attendances: AttendancesRepository,
    private readonly groupRecords: GroupAttendanceRecordsRepository,
    private readonly broadcasts: BroadcastsRepository,
    private readonly enrollments: EnrollmentLookup,
    private readonly throttle: CodeGuessThrottle,
    private readonly completion: LessonCompletion,
    private readonly access: AccessPolicy,
    private readonly facilities: FacilityDirectory,
    private readonly users: UserLookup,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A learner enters the attendance code during the airing or its grace period. */
  async enterCode(
    principal: Principal,
    broadcastId: string,
    code: string,
  ): Promise<AttendanceRecord> {
    const broadcast = await this.openBroadcast(broadcastId);
    if (!(await this.enrollments.isLearning(principal.userId, broadcast.courseId)))
      throw new TelevisionError(
        'NOT_ENROLLED',
        'Attendance needs an active enrollment in the course',
        {
          courseId: broadcast.courseId,
        },
      );
    await this.throttle.attempt(principal.userId);
    if (normalizeCode(code) !== broadcast.attendanceCode)
      throw new TelevisionError(
        'ATTENDANCE_CODE_INVALID',
        'That is not the code of this broadcast',
      );
    await this.throttle.succeeded(principal.userId);
    const attendance = await this.record(
      broadcast,
      principal.userId,
      'code',
      null,
      principal.userId,
    );
    const outcome = await this.completion.settle(attendance);
    return {
      broadcastId,
      userId: principal.userId,
      method: attendance.method,
      recordedAt: attendance.recordedAt,
      ...outcome,
    };
  }

  /**
   * A facilitator records the learners watching together at their facility: enrolled learners
   * are recorded, everyone else is skipped with a reason. Only the staff (or admins over it) of
   * the facility named, and only a facility that holds viewings; each recorded learner gets an
   * audit row (`GroupAttendanceRecord`) in the attendance's transaction.
   */
  async recordGroup(
    principal: Principal,
    broadcastId: string,
    facilityId: string,
    userIds: readonly string[],
  ): Promise<GroupOutcome> {
    await this.assertViewingStaff(principal, facilityId);
    const wanted = [...new Set(userIds)];
    if (wanted.length > GROUP_ATTENDANCE_MAX)
      throw TelevisionError.invalid({
        userIds: [`userIds must contain no more than ${GROUP_ATTENDANCE_MAX} elements`],
      });
    const broadcast = await this.openBroadcast(broadcastId);
    const reasons = await this.skipReasons(broadcast, facilityId, wanted);
    const outcome: GroupOutcome = { recorded: [], skipped: [] };
    const present = wanted.filter((userId) => {
      const reason = reasons.get(userId);
      if (reason) outcome.skipped.push({ userId, reason });
      return !reason;
    });
    // One transaction for the group: its attendances, their audit rows and one event for the
    // programme's figures, which then count the whole group at once. Two facilitators recording
    // the same people at once may deadlock on the unique key: the loser runs again, whole.
    const recorded = await retryOnDeadlock(() =>
      this.attendances.transaction(async (manager) => {
        const inserted: BroadcastAttendance[] = [];
        for (const userId of present) {
          const attendance = await this.insertAttendance(manager, broadcast, userId, 'group', {
            facilityId,
            recordedBy: principal.userId,
          });
          if (!attendance) continue;
          await this.groupRecords.insert(manager, {
            id: newId(),
            attendanceId: attendance.id,
            broadcastId: broadcast.id,
            courseId: broadcast.courseId,
            lessonId: broadcast.lessonId,
            learnerId: userId,
            facilityId,
            recordedBy: principal.userId,
            recordedAt: attendance.recordedAt,
          });
          inserted.push(attendance);
        }
        if (inserted.length > 0) await this.airingsChanged(manager, broadcast);
        return inserted;
      }),
    );
    const fresh = new Set(recorded.map((attendance) => attendance.userId));
    for (const userId of present)
      if (!fresh.has(userId)) outcome.skipped.push({ userId, reason: 'already_recorded' });
    for (const attendance of recorded) {
      outcome.recorded.push(attendance.userId);
      await this.completion.settle(attendance).catch(() => undefined); // the sweep retries
    }
    return outcome;
  }

  /** 403 unless `principal` is staff of the facility named and that facility holds viewings. */
  private async assertViewingStaff(principal: Principal, facilityId: string): Promise<void> {
    if (
      !(await this.access.covers(principal, AUTHOR_ROLES, {
        scopeType: 'facility',
        scopeId: facilityId,
      }))
    )
      throw new TelevisionError(
        'FORBIDDEN',
        'Only the staff of this facility record its group attendance',
        { facilityId },
      );
    const type = await this.facilities.typeOf(facilityId);
    if (!type || !VIEWING_FACILITY_TYPES.includes(type))
      throw new TelevisionError(
        'FORBIDDEN',
        'Group attendance is recorded at community learning centres and continuing-education centres only',
        { facilityId, facilityTypes: VIEWING_FACILITY_TYPES },
      );
  }

  /** The broadcast, if attendance is open now (422 `ATTENDANCE_CLOSED` otherwise). */
  private async openBroadcast(broadcastId: string): Promise<Broadcast> {
    const broadcast = await this.broadcasts.findById(broadcastId);
    if (!broadcast) throw TelevisionError.broadcastNotFound(broadcastId);
    const problem = attendanceWindowProblem(
      broadcast,
      this.clock.now(),
      this.config.television.attendanceGraceMinutes,
    );
    if (problem)
      throw new TelevisionError('ATTENDANCE_CLOSED', WINDOW_MESSAGES[problem], {
        broadcastId,
        reason: problem,
      });
    return broadcast;
  }

  /** Inserts the attendance once; a learner already present keeps the first record. */
  private async record(
    broadcast: Broadcast,
    userId: string,
    method: AttendanceMethod,
    facilityId: string | null,
    recordedBy: string,
  ): Promise<BroadcastAttendance> {
    await this.attendances.transaction(async (manager) => {
      const inserted = await this.insertAttendance(manager, broadcast, userId, method, {
        facilityId,
        recordedBy,
      });
      if (inserted) await this.airingsChanged(manager, broadcast);
    });
    return this.attendances.findOfLearnerOrFail(broadcast.id, userId);
  }

  /**
   * The new attendance (with its `television.attendance-recorded` event), or null when the
   * learner was already present at this airing.
   */
  private async insertAttendance(
    manager: EntityManager,
    broadcast: Broadcast,
    userId: string,
    method: AttendanceMethod,
    by: { facilityId: string | null; recordedBy: string },
  ): Promise<BroadcastAttendance | null> {
    const attendance = Object.assign(new BroadcastAttendance(), {
      id: newId(),
      broadcastId: broadcast.id,
      userId,
      lessonId: broadcast.lessonId,
      method,
      facilityId: by.facilityId,
      recordedBy: by.recordedBy,
      recordedAt: this.clock.now(),
    });
    if (!(await this.attendances.insertIfAbsent(manager, attendance))) return null;
    await recordEvent(manager, 'television.attendance-recorded', {
      attendanceId: attendance.id,
      broadcastId: broadcast.id,
      courseId: broadcast.courseId,
      lessonId: broadcast.lessonId,
      userId,
      method,
      facilityId: by.facilityId,
      recordedBy: by.recordedBy,
      recordedAt: attendance.recordedAt.toISOString(),
    });
    return attendance;
  }

  /** The programme's figures count attendances: recorded in the attendances' transaction. */
  private airingsChanged(manager: EntityManager, broadcast: Broadcast): Promise<void> {
    return recordEvent(manager, 'television.airings-changed', { broadcastIds: [broadcast.id] });
  }

  private async skipReasons(
    broadcast: Broadcast,
    facilityId: string,
    userIds: readonly string[],
  ): Promise<Map<string, SkipReason>> {
    const reasons = new Map<string, SkipReason>();
    if (userIds.length === 0) return reasons;
    const known = await this.users.existing(userIds);
    // Someone who works at another facility (and not here) belongs to that facility's group.
    const placed = await this.users.facilitiesOf(userIds);
    const elsewhere = new Set(
      [...placed]
        .filter(([, facilityIds]) => !facilityIds.includes(facilityId))
        .map(([userId]) => userId),
    );
    const enrolled = await this.enrollments.learnersAmong(broadcast.courseId, userIds);
    const present = await this.attendances.presentAmong(broadcast.id, userIds);
    for (const userId of userIds) {
      if (!known.has(userId)) reasons.set(userId, 'unknown_user');
      else if (elsewhere.has(userId)) reasons.set(userId, 'other_facility');
      else if (!enrolled.has(userId)) reasons.set(userId, 'not_enrolled');
      else if (present.has(userId)) reasons.set(userId, 'already_recorded');
    }
    return reasons;
  }
}
