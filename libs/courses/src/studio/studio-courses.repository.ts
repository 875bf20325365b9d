import { pageOffset, type PageQuery, searchQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { Course } from '../courses/course.entity';
import type { CourseStatus } from '../courses/course-status';

/**
 * Where a principal works, as SQL: the facilities named by their facility grants and those
 * located in the subtrees of their administrative-unit grants; `everywhere` for a platform
 * admin. Org-unit grants author nothing.
 */
export interface Workplaces {
  everywhere: boolean;
  facilityIds: string[];
  adminUnitPatterns: string[];
}

/** A facility row of the studio's list. */
export interface StudioFacilityRow {
  id: string;
  name: string;
  type: string;
}

/** What the studio's course list filters on (besides the workplaces). */
export interface StudioCourseCriteria {
  status?: CourseStatus;
  facilityId?: string;
  q?: string;
  /** Oldest change first (a review queue), else newest first. */
  oldestFirst: boolean;
}

/** The studio's lists, filtered by the caller's workplaces in SQL so they page on the server. */
@Injectable()
export class StudioCoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of the facilities in the workplaces, by name, and how many there are. */
  async facilities(
    places: Workplaces,
    query: PageQuery,
  ): Promise<{ rows: StudioFacilityRow[]; total: number }> {
    // Facilities and their places through the read models organizations publishes.
    const builder = this.dataSource
      .createQueryBuilder()
      .from('facilities_view', 'f')
      .innerJoin('admin_units_view', 'u', 'u.id = f.admin_unit_id');
    if (!within(builder, places, 'f.id')) return { rows: [], total: 0 };
    const [rows, counted] = await Promise.all([
      builder
        .clone()
        .select(['f.id AS id', 'f.name AS name', 'f.type AS type'])
        .orderBy('f.name', 'ASC')
        .addOrderBy('f.id', 'ASC')
        .offset(pageOffset(query))
        .limit(query.pageSize)
        .getRawMany<StudioFacilityRow>(),
      builder.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>(),
    ]);
    return { rows, total: Number(counted?.total ?? 0) };
  }

  /**
   * A page of the courses in the workplaces, by last change, each with its facility's name, and
   * how many there are.
   */
  async courses(
    places: Workplaces,
    criteria: StudioCourseCriteria,
    query: PageQuery,
  ): Promise<{ courses: { course: Course; facilityName: string }[]; total: number }> {
    const builder = this.dataSource
      .getRepository(Course)
      .createQueryBuilder('c')
      .innerJoin('facilities_view', 'f', 'f.id = c.facility_id')
      .innerJoin('admin_units_view', 'u', 'u.id = f.admin_unit_id')
      .addSelect('f.name', 'facility_name');
    if (!within(builder, places, 'c.facilityId')) return { courses: [], total: 0 };
    if (criteria.status) builder.andWhere('c.status = :status', { status: criteria.status });
    if (criteria.facilityId)
      builder.andWhere('c.facilityId = :facility', { facility: criteria.facilityId });
    const match = criteria.q ? searchQuery(criteria.q) : null;
    if (match)
      builder.andWhere('MATCH (c.search_text) AGAINST (:match IN BOOLEAN MODE)', { match });
    const order = criteria.oldestFirst ? 'ASC' : 'DESC';
    builder
      .orderBy('c.updatedAt', order)
      .addOrderBy('c.id', order)
      .offset(pageOffset(query))
      .limit(query.pageSize);
    const [{ entities, raw }, total] = await Promise.all([
      builder.getRawAndEntities<{ facility_name: string }>(),
      builder.getCount(),
    ]);
    return {
      courses: entities.map((course, index) => ({
        course,
        facilityName: raw[index]?.facility_name ?? '',
      })),
      total,
    };
  }
}

/** Restricts `builder` to the workplaces; false when there are none (an empty answer). */
function within<T extends object>(
  builder: SelectQueryBuilder<T>,
  places: Workplaces,
  facilityColumn: string,
): boolean {
  if (places.everywhere) return true;
  if (places.facilityIds.length === 0 && places.adminUnitPatterns.length === 0) return false;
  builder.andWhere(
    new Brackets((where) => {
      if (places.facilityIds.length)
        where.orWhere(`${facilityColumn} IN (:...facilityIds)`, {
          facilityIds: places.facilityIds,
        });
      places.adminUnitPatterns.forEach((pattern, index) =>
        where.orWhere(`u.path LIKE :unit${index}`, { [`unit${index}`]: pattern }),
      );
    }),
  );
  return true;
}
