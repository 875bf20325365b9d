import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReaderPlaces } from '../reader-places.service';

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
 * The user page's lists, newest first, over the read models organizations (`memberships_view`,
 * `org_units_view`, `facilities_view`, `admin_units_view`), enrollment (`enrollments_view`),
 * courses (`courses_view`) and training (`training_assignments_view`,
 * `training_requirements_view`) publish; each by its `user_id` index.
 */
@Injectable()
export class UserPageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  memberships(userId: string, limit: number): Promise<MembershipLine[]> {
    return this.dataSource.query<MembershipLine[]>(
      `SELECT m.\`id\`, m.\`org_unit_id\` AS orgUnitId, o.\`name\` AS orgUnitName, m.\`position\`,
              m.\`job_grade\` AS jobGrade, m.\`started_at\` AS startedAt, m.\`ended_at\` AS endedAt
         FROM \`memberships_view\` m JOIN \`org_units_view\` o ON o.\`id\` = m.\`org_unit_id\`
        WHERE m.\`user_id\` = ? ORDER BY m.\`started_at\` DESC, m.\`id\` LIMIT ?`,
      [userId, limit],
    );
  }

  /**
   * The person's enrollments in courses of facilities the reader covers, or, with
   * `mandatedToo`, the ones their assignments made; null when the reader covers none of them.
   */
  async enrollments(
    userId: string,
    places: ReaderPlaces,
    mandatedToo: boolean,
    limit: number,
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
          'c.`facility_id` IN (SELECT f.`id` FROM `facilities_view` f JOIN `admin_units_view` a ON a.`id` = f.`admin_unit_id` WHERE a.`path` LIKE ?)',
        );
        params.push(pattern);
      }
      if (mandatedToo) {
        visible.push(
          'e.`id` IN (SELECT t.`enrollment_id` FROM `training_assignments_view` t WHERE t.`user_id` = ?)',
        );
        params.push(userId);
      }
      if (visible.length === 0) return null;
    }
    const rows = await this.dataSource.query<(EnrollmentLine & { progressPercent: string })[]>(
      `SELECT e.\`id\`, e.\`course_id\` AS courseId, c.\`title\` AS courseTitle, e.\`status\`,
              e.\`progress_percent\` AS progressPercent, e.\`enrolled_at\` AS enrolledAt,
              e.\`completed_at\` AS completedAt
         FROM \`enrollments_view\` e JOIN \`courses_view\` c ON c.\`id\` = e.\`course_id\`
        WHERE e.\`user_id\` = ? ${visible.length ? `AND (${visible.join(' OR ')})` : ''}
        ORDER BY e.\`enrolled_at\` DESC, e.\`id\` LIMIT ?`,
      [...params, limit],
    );
    return rows.map((row) => ({ ...row, progressPercent: Number(row.progressPercent) }));
  }

  assignments(userId: string, limit: number): Promise<AssignmentLine[]> {
    return this.dataSource.query<AssignmentLine[]>(
      `SELECT t.\`id\`, t.\`requirement_id\` AS requirementId, r.\`title\`, t.\`status\`,
              t.\`assigned_at\` AS assignedAt, t.\`due_at\` AS dueAt, t.\`completed_at\` AS completedAt
         FROM \`training_assignments_view\` t JOIN \`training_requirements_view\` r ON r.\`id\` = t.\`requirement_id\`
        WHERE t.\`user_id\` = ? ORDER BY t.\`assigned_at\` DESC, t.\`id\` LIMIT ?`,
      [userId, limit],
    );
  }
}
