/**
 * The catalogue's SQL, built in one place so the benchmark runs exactly what the api runs.
 * Every filter is index-backed: the text through the FULLTEXT index on `search_text`, the
 * facility through `ix_courses_facility`, the administrative subtree through the admin-unit path
 * range (`ix_admin_units_path`) joined to facilities and courses by their indexes, the tag
 * through `ix_course_tags_tag`, the facility type through `ix_facilities_type`; the plain listing
 * reads `ix_courses_catalogue` in order.
 */

/** A statement and its parameters, for `DataSource.query` or mysql2 alike. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** What the catalogue filters by, already resolved (see CourseCatalogue). */
export interface CatalogueCriteria {
  /** A boolean-mode FULLTEXT query from `searchQuery`, or null for no text filter. */
  match: string | null;
  facilityId?: string;
  /** `subtreePattern(adminUnit.path)`: facilities located anywhere in that subtree. */
  adminUnitPattern?: string;
  tagKey?: string;
  /** Courses of facilities of this kind (`facilities.type`). */
  facilityType?: string;
}

/** The course columns of a catalogue row, named as `CourseRow` reads them. */
const COLUMNS = [
  'c.`id` AS id',
  'c.`facility_id` AS facilityId',
  'c.`code` AS code',
  'c.`title` AS title',
  'c.`summary` AS summary',
  'c.`description` AS description',
  'c.`language` AS language',
  'c.`capacity` AS capacity',
  'c.`hours` AS hours',
  'c.`validity_months` AS validityMonths',
  'c.`enrollment_opens_at` AS enrollmentOpensAt',
  'c.`enrollment_closes_at` AS enrollmentClosesAt',
  'c.`status` AS status',
  'c.`active_enrollments` AS activeEnrollments',
  'c.`created_at` AS createdAt',
  'c.`published_at` AS publishedAt',
].join(', ');

const MATCH = 'MATCH (c.`search_text`) AGAINST (? IN BOOLEAN MODE)';

function fromWhere(criteria: CatalogueCriteria): SqlStatement {
  const joins: string[] = [];
  const where = ["c.`status` = 'published'"];
  const params: unknown[] = [];
  if (criteria.match !== null) {
    where.push(MATCH);
    params.push(criteria.match);
  }
  if (criteria.facilityId !== undefined) {
    where.push('c.`facility_id` = ?');
    params.push(criteria.facilityId);
  }
  if (criteria.adminUnitPattern !== undefined || criteria.facilityType !== undefined) {
    joins.push('JOIN `facilities` f ON f.`id` = c.`facility_id`');
  }
  if (criteria.adminUnitPattern !== undefined) {
    joins.push('JOIN `admin_units` u ON u.`id` = f.`admin_unit_id`');
    where.push('u.`path` LIKE ?');
    params.push(criteria.adminUnitPattern);
  }
  if (criteria.facilityType !== undefined) {
    where.push('f.`type` = ?');
    params.push(criteria.facilityType);
  }
  if (criteria.tagKey !== undefined) {
    where.push('c.`id` IN (SELECT t.`course_id` FROM `course_tags` t WHERE t.`tag_key` = ?)');
    params.push(criteria.tagKey);
  }
  return {
    sql: ['FROM `courses` c', ...joins, `WHERE ${where.join(' AND ')}`].join(' '),
    params,
  };
}

/** The page of courses (best match first when searching, else newest first) and the total. */
export function catalogueStatements(
  criteria: CatalogueCriteria,
  page: { offset: number; limit: number },
): { items: SqlStatement; count: SqlStatement } {
  const base = fromWhere(criteria);
  const order =
    criteria.match !== null
      ? `ORDER BY ${MATCH} DESC, c.\`published_at\` DESC, c.\`id\` DESC`
      : 'ORDER BY c.`published_at` DESC, c.`id` DESC';
  return {
    items: {
      sql: `SELECT ${COLUMNS} ${base.sql} ${order} LIMIT ? OFFSET ?`,
      params: [
        ...base.params,
        ...(criteria.match !== null ? [criteria.match] : []),
        page.limit,
        page.offset,
      ],
    },
    count: { sql: `SELECT COUNT(*) AS total ${base.sql}`, params: base.params },
  };
}

/** The tags of the courses on a page, in each course's order. */
export function courseTagsStatement(courseIds: readonly string[]): SqlStatement {
  return {
    sql: `SELECT \`course_id\` AS courseId, \`tag\` FROM \`course_tags\` WHERE \`course_id\` IN (${courseIds.map(() => '?').join(', ')}) ORDER BY \`course_id\`, \`position\``,
    params: [...courseIds],
  };
}

/**
 * The tags of published courses, most used first, each under one of its spellings (the first
 * in sort order); read from `ix_course_tags_tag` grouped by key, courses by primary key.
 */
export function catalogueTagsStatements(page: { offset: number; limit: number }): {
  items: SqlStatement;
  count: SqlStatement;
} {
  const base =
    "FROM `course_tags` t JOIN `courses` c ON c.`id` = t.`course_id` AND c.`status` = 'published'";
  return {
    items: {
      sql: `SELECT t.\`tag_key\` AS tagKey, MIN(t.\`tag\`) AS tag, COUNT(*) AS courses ${base} GROUP BY t.\`tag_key\` ORDER BY courses DESC, t.\`tag_key\` LIMIT ? OFFSET ?`,
      params: [page.limit, page.offset],
    },
    count: { sql: `SELECT COUNT(DISTINCT t.\`tag_key\`) AS total ${base}`, params: [] },
  };
}

/** A row of the items statement as the driver returns it. */
export interface CourseRow {
  id: string;
  facilityId: string;
  code: string | null;
  title: string;
  summary: string;
  description: string | null;
  language: string;
  capacity: number | null;
  hours: string | number | null;
  validityMonths: number | null;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
  status: string;
  activeEnrollments: number;
  createdAt: Date;
  publishedAt: Date | null;
}
