import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An administrative unit as the figures name it. */
export interface FigureUnit {
  id: string;
  name: string;
}

/** A facility, its type and one moment that falls in the periods to recompute. */
export interface FacilityMoment {
  facilityId: string;
  facilityType: string;
  at: Date | null;
}

/**
 * The read models the figures are placed by (administrative units, facilities) and the
 * moments their refresh follows (enrollments, certificates, airings, attendances, mandated
 * training), through the views other domains publish.
 */
@Injectable()
export class FigureSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The administrative unit and its parent, or null when there is none. */
  async adminUnit(id: string): Promise<(FigureUnit & { parentId: string | null }) | null> {
    const [found] = await this.dataSource.query<(FigureUnit & { parentId: string | null })[]>(
      'SELECT `id`, `name`, `parent_id` AS parentId FROM `admin_units_view` WHERE `id` = ?',
      [id],
    );
    return found ?? null;
  }

  /** The units under `parentId` (null: the top level), but `except`, by name. */
  unitsUnder(parentId: string | null, except?: string): Promise<FigureUnit[]> {
    const where = [parentId === null ? '`parent_id` IS NULL' : '`parent_id` = ?'];
    const params: unknown[] = parentId === null ? [] : [parentId];
    if (except !== undefined) {
      where.push('`id` <> ?');
      params.push(except);
    }
    return this.dataSource.query<FigureUnit[]>(
      `SELECT \`id\`, \`name\` FROM \`admin_units_view\` WHERE ${where.join(' AND ')} ORDER BY \`name\`, \`id\``,
      params,
    );
  }

  /** The enrollment's facility and when it was enrolled, completed and certified; or null. */
  async enrollment(enrollmentId: string): Promise<{
    facilityId: string;
    facilityType: string;
    enrolledAt: Date | null;
    completedAt: Date | null;
    issuedAt: Date | null;
  } | null> {
    const [found] = await this.dataSource.query<
      {
        facilityId: string;
        facilityType: string;
        enrolledAt: Date | null;
        completedAt: Date | null;
        issuedAt: Date | null;
      }[]
    >(
      'SELECT f.`id` AS facilityId, f.`type` AS facilityType, e.`enrolled_at` AS enrolledAt, ' +
        'e.`completed_at` AS completedAt, ec.`issued_at` AS issuedAt ' +
        'FROM `enrollments_view` e JOIN `courses_view` c ON c.`id` = e.`course_id` ' +
        'JOIN `facilities_view` f ON f.`id` = c.`facility_id` ' +
        'LEFT JOIN `enrollment_certificates_view` ec ON ec.`enrollment_id` = e.`id` ' +
        'WHERE e.`id` = ?',
      [enrollmentId],
    );
    return found ?? null;
  }

  /**
   * Per facility of the broadcasts' courses: when each broadcast airs, and when the latest
   * attendance at them was recorded.
   */
  airings(broadcastIds: readonly string[]): Promise<FacilityMoment[]> {
    return this.dataSource.query<FacilityMoment[]>(
      'SELECT f.`id` AS facilityId, f.`type` AS facilityType, b.`starts_at` AS at ' +
        'FROM `broadcasts_view` b JOIN `courses_view` c ON c.`id` = b.`course_id` ' +
        'JOIN `facilities_view` f ON f.`id` = c.`facility_id` WHERE b.`id` IN (?) ' +
        'UNION SELECT f.`id`, f.`type`, MAX(a.`recorded_at`) ' +
        'FROM `broadcast_attendances_view` a JOIN `broadcasts_view` b ON b.`id` = a.`broadcast_id` ' +
        'JOIN `courses_view` c ON c.`id` = b.`course_id` ' +
        'JOIN `facilities_view` f ON f.`id` = c.`facility_id` WHERE a.`broadcast_id` IN (?) ' +
        'GROUP BY f.`id`, f.`type`',
      [broadcastIds, broadcastIds],
    );
  }

  /** The facility's type and registration, or null. */
  async facility(facilityId: string): Promise<{ facilityType: string; createdAt: Date } | null> {
    const [found] = await this.dataSource.query<{ facilityType: string; createdAt: Date }[]>(
      'SELECT `type` AS facilityType, `created_at` AS createdAt FROM `facilities_view` WHERE `id` = ?',
      [facilityId],
    );
    return found ?? null;
  }

  /** The type of each of these facilities that exists. */
  facilityTypes(facilityIds: readonly string[]): Promise<{ id: string; facilityType: string }[]> {
    return this.dataSource.query<{ id: string; facilityType: string }[]>(
      'SELECT `id`, `type` AS facilityType FROM `facilities_view` WHERE `id` IN (?)',
      [facilityIds],
    );
  }

  /** The latest completion of these people's mandated training, or null. */
  async latestCompletion(userIds: readonly string[]): Promise<Date | string | null> {
    const [found] = await this.dataSource.query<{ at: Date | string | null }[]>(
      'SELECT MAX(`completed_at`) AS at FROM `training_assignments_view` WHERE `user_id` IN (?)',
      [userIds],
    );
    return found?.at ?? null;
  }

  /** Every administrative unit whose subtree holds the facility. */
  async unitsAbove(facilityId: string): Promise<string[]> {
    const ancestors = await this.dataSource.query<{ id: string }[]>(
      'SELECT anc.`id` FROM `facilities_view` f JOIN `admin_units_view` u ON u.`id` = f.`admin_unit_id` ' +
        "JOIN `admin_units_view` anc ON u.`path` LIKE CONCAT(anc.`path`, '%') WHERE f.`id` = ?",
      [facilityId],
    );
    return ancestors.map((unit) => unit.id);
  }
}
