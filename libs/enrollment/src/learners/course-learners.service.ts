import { Clock, csvWriter, type Page, type PageQuery, toPage } from '@lifelong/common';
import { CourseOutline, CourseStaff } from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EnrollmentError } from '../enrollment-error';
import type { EnrollmentStatus } from '../enrollments/enrollment.rules';
import {
  CourseLearnersRepository,
  type LearnerFilter,
  type LearnerRow,
} from './course-learners.repository';

/** Where a learner's certificate stands now. */
export const LEARNER_CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type LearnerCertificateStatus = (typeof LEARNER_CERTIFICATE_STATUSES)[number];

/** A course's learner as its staff see them. */
export interface CourseLearnerView {
  enrollmentId: string;
  userId: string;
  fullName: string;
  email: string;
  status: EnrollmentStatus;
  progressPercent: number;
  enrolledAt: Date;
  completedAt: Date | null;
  /** Place in the waitlist (1 is promoted next); null unless waitlisted. */
  waitlistPosition: number | null;
  certificate: {
    serial: string;
    issuedAt: Date;
    expiresAt: Date | null;
    status: LearnerCertificateStatus;
  } | null;
}

/** The columns of the CSV export, in order. */
export const LEARNERS_CSV_COLUMNS = [
  'fullName',
  'email',
  'status',
  'progressPercent',
  'enrolledAt',
  'completedAt',
  'waitlistPosition',
  'certificateSerial',
  'certificateStatus',
  'certificateIssuedAt',
  'certificateExpiresAt',
] as const;

/**
 * A course's learners for its staff (the facility's instructors and facility admins, and admins
 * over it): enrollment, progress, completion and certificate per learner, filtered by status
 * and searched by name or email, paged in SQL; and the same rows as CSV, streamed.
 */
@Injectable()
export class CourseLearners {
  constructor(
    private readonly learners: CourseLearnersRepository,
    private readonly outline: CourseOutline,
    private readonly staff: CourseStaff,
    private readonly clock: Clock,
  ) {}

  async page(
    principal: Principal,
    courseId: string,
    filter: LearnerFilter,
    query: PageQuery,
  ): Promise<Page<CourseLearnerView>> {
    await this.assertStaff(principal, courseId);
    const { rows, total } = await this.learners.page(courseId, filter, query);
    const now = this.clock.now();
    return toPage(
      rows.map((row) => toLearnerView(row, now)),
      total,
      query,
    );
  }

  /**
   * Every matching learner as CSV, from a cursor of the export pool through the shared CSV
   * writer (formula-like text escaped, so a name typed as `=HYPERLINK(…)` stays text). Access
   * is checked before the first byte.
   */
  async csv(principal: Principal, courseId: string, filter: LearnerFilter): Promise<Readable> {
    await this.assertStaff(principal, courseId);
    const rows = await this.learners.stream(courseId, filter);
    const now = this.clock.now();
    const toRecord = new Transform({
      objectMode: true,
      transform(row: LearnerRow, _encoding, done) {
        done(null, toCsvRecord(toLearnerView(row, now)));
      },
    });
    const output = new PassThrough();
    pipeline(rows, toRecord, csvWriter(LEARNERS_CSV_COLUMNS), output).catch((error: unknown) =>
      output.destroy(error as Error),
    );
    return output;
  }

  /**
   * The course's staff only: 404 when the course does not exist, or when the caller could not
   * even see it (a draft elsewhere); 403 for a public course of another facility.
   */
  private async assertStaff(principal: Principal, courseId: string): Promise<void> {
    const course = await this.outline.course(courseId);
    const courseNotFound = new EnrollmentError(
      'COURSE_NOT_FOUND',
      `There is no course ${courseId}`,
      {
        courseId,
      },
    );
    if (!course) throw courseNotFound;
    if (await this.staff.isAuthor(principal, course.facilityId)) return;
    if (course.status !== 'published' && course.status !== 'archived') throw courseNotFound;
    throw new EnrollmentError(
      'FORBIDDEN',
      "Only the course's instructors and the admins of its facility see its learners",
    );
  }
}

function toLearnerView(row: LearnerRow, now: Date): CourseLearnerView {
  return {
    enrollmentId: row.enrollmentId,
    userId: row.userId,
    fullName: row.fullName,
    email: row.email,
    status: row.status,
    progressPercent: Number(row.progressPercent),
    enrolledAt: row.enrolledAt,
    completedAt: row.completedAt,
    waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
    certificate:
      row.certificateSerial === null || row.certificateIssuedAt === null
        ? null
        : {
            serial: row.certificateSerial,
            issuedAt: row.certificateIssuedAt,
            expiresAt: row.certificateExpiresAt,
            status: certificateStatusAt(row.certificateExpiresAt, row.certificateRevokedAt, now),
          },
  };
}

// Certificates' own rule (revoked, else expired at its expiry, else valid), restated here
// because certificates depends on enrollment and not the other way round.
function certificateStatusAt(
  expiresAt: Date | null,
  revokedAt: Date | null,
  now: Date,
): LearnerCertificateStatus {
  if (revokedAt) return 'revoked';
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

const isoOrEmpty = (date: Date | null | undefined): string => date?.toISOString() ?? '';

function toCsvRecord(
  view: CourseLearnerView,
): Record<(typeof LEARNERS_CSV_COLUMNS)[number], unknown> {
  return {
    fullName: view.fullName,
    email: view.email,
    status: view.status,
    progressPercent: view.progressPercent,
    enrolledAt: view.enrolledAt.toISOString(),
    completedAt: isoOrEmpty(view.completedAt),
    waitlistPosition: view.waitlistPosition ?? '',
    certificateSerial: view.certificate?.serial ?? '',
    certificateStatus: view.certificate?.status ?? '',
    certificateIssuedAt: isoOrEmpty(view.certificate?.issuedAt),
    certificateExpiresAt: isoOrEmpty(view.certificate?.expiresAt),
  };
}
