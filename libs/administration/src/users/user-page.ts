import { notFound } from '@lifelong/common';
import { AccessPolicy, type Principal } from '@lifelong/identity';
import { isWithin } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DIRECTORY_READERS } from '../policies';
import { type ReaderPlaces, ReaderPlacesResolver } from '../reader-places';
import { type DirectoryEntry, UserDirectory } from './user-directory';

export interface MembershipLine {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  position: string | null;
  jobGrade: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface EnrollmentLine {
  id: string;
  courseId: string;
  courseTitle: string;
  status: string;
  progressPercent: number;
  enrolledAt: Date;
  completedAt: Date | null;
}

export interface AssignmentLine {
  id: string;
  requirementId: string;
  title: string;
  status: string;
  assignedAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
}

/**
 * The user page: the person, and each part only for a reader allowed to see it (null otherwise).
 * Memberships and assignments are the business of whoever covers the person's org unit;
 * enrollments are shown for courses of facilities the reader covers (or, to an org-unit reader,
 * the ones mandated training made).
 */
export interface UserPageView extends DirectoryEntry {
  memberships: MembershipLine[] | null;
  enrollments: EnrollmentLine[] | null;
  assignments: AssignmentLine[] | null;
}

/** The most recent lines of each part shown on the page. */
export const USER_PAGE_LINES = 100;

@Injectable()
export class UserPages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly places: ReaderPlacesResolver,
    private readonly directory: UserDirectory,
  ) {}

  /** 404 for a person who does not exist or whom the reader's scopes do not reach. */
  async view(principal: Principal, userId: string): Promise<UserPageView> {
    const places = await this.places.of(this.access.reach(principal, DIRECTORY_READERS));
    const entry = await this.directory.find(userId, places);
    if (!entry) throw notFound('The user', { userId });
    const coversUnit =
      places.everywhere ||
      (entry.orgUnitPath !== null &&
        places.orgUnitPaths.some((path) => isWithin(entry.orgUnitPath ?? '', path)));
    const [memberships, enrollments, assignments] = await Promise.all([
      coversUnit ? this.memberships(userId) : null,
      this.enrollments(userId, places, coversUnit),
      coversUnit ? this.assignments(userId) : null,
    ]);
    return { ...entry, memberships, enrollments, assignments };
  }

  private memberships(userId: string): Promise<MembershipLine[]> {
    return this.dataSource.query<MembershipLine[]>(
      `SELECT m.\`id\`, m.\`org_unit_id\` AS orgUnitId, o.\`name\` AS orgUnitName, m.\`position\`,
              m.\`job_grade\` AS jobGrade, m.\`started_at\` AS startedAt, m.\`ended_at\` AS endedAt
         FROM \`memberships\` m JOIN \`org_units\` o ON o.\`id\` = m.\`org_unit_id\`
        WHERE m.\`user_id\` = ? ORDER BY m.\`started_at\` DESC, m.\`id\` LIMIT ?`,
      [userId, USER_PAGE_LINES],
    );
  }

  private async enrollments(
    userId: string,
    places: ReaderPlaces,
    coversUnit: boolean,
  ): Promise<EnrollmentLine[] | null> {
    const visible: string[] = [];
    const params: unknown[] = [userId];
    if (!places.everywhere) {
      if (places.facilityIds.length > 0) {
        visible.push('c.`facility_id` IN (?)');
        params.push(places.facilityIds);
      }
      for (const pattern of places.adminUnitPatterns) {
        visible.push(
          'c.`facility_id` IN (SELECT f.`id` FROM `facilities` f JOIN `admin_units` a ON a.`id` = f.`admin_unit_id` WHERE a.`path` LIKE ?)',
        );
        params.push(pattern);
      }
      if (coversUnit) {
        visible.push(
          'e.`id` IN (SELECT t.`enrollment_id` FROM `training_assignments` t WHERE t.`user_id` = ?)',
        );
        params.push(userId);
      }
      if (visible.length === 0) return null;
    }
    const rows = await this.dataSource.query<(EnrollmentLine & { progressPercent: string })[]>(
      `SELECT e.\`id\`, e.\`course_id\` AS courseId, c.\`title\` AS courseTitle, e.\`status\`,
              e.\`progress_percent\` AS progressPercent, e.\`enrolled_at\` AS enrolledAt,
              e.\`completed_at\` AS completedAt
         FROM \`enrollments\` e JOIN \`courses\` c ON c.\`id\` = e.\`course_id\`
        WHERE e.\`user_id\` = ? ${visible.length ? `AND (${visible.join(' OR ')})` : ''}
        ORDER BY e.\`enrolled_at\` DESC, e.\`id\` LIMIT ?`,
      [...params, USER_PAGE_LINES],
    );
    return rows.map((row) => ({ ...row, progressPercent: Number(row.progressPercent) }));
  }

  private assignments(userId: string): Promise<AssignmentLine[]> {
    return this.dataSource.query<AssignmentLine[]>(
      `SELECT t.\`id\`, t.\`requirement_id\` AS requirementId, r.\`title\`, t.\`status\`,
              t.\`assigned_at\` AS assignedAt, t.\`due_at\` AS dueAt, t.\`completed_at\` AS completedAt
         FROM \`training_assignments\` t JOIN \`training_requirements\` r ON r.\`id\` = t.\`requirement_id\`
        WHERE t.\`user_id\` = ? ORDER BY t.\`assigned_at\` DESC, t.\`id\` LIMIT ?`,
      [userId, USER_PAGE_LINES],
    );
  }
}
