import { pageOffset, type PageQuery, searchQuery } from '@lifelong/common';
import { ExportConnections } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { EnrollmentStatus } from '../enrollments/enrollment.rules';

/** The filters of a course's list of learners, already checked. */
export interface LearnerFilter {
  status?: EnrollmentStatus;
  /** Words of the name or email; diacritics, case and đ/d do not matter. */
  q?: string;
}

/** A statement and its parameters. */
interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** One row as the statements return it (times as `Date`, counts maybe as strings). */
export interface LearnerRow {
  enrollmentId: string;
  userId: string;
  fullName: string;
  email: string;
  status: EnrollmentStatus;
  progressPercent: number;
  enrolledAt: Date;
  completedAt: Date | null;
  waitlistPosition: number | string | null;
  certificateSerial: string | null;
  certificateIssuedAt: Date | null;
  certificateExpiresAt: Date | null;
  certificateRevokedAt: Date | null;
}

// A waitlisted learner's place: those waiting before them, in the order withdrawals promote
// (`enrolled_at`, then id), plus one; a range of `ix_enrollments_course_status`.
const WAITLIST_POSITION = `CASE WHEN e.\`status\` = 'waitlisted' THEN (
    SELECT COUNT(*) FROM \`enrollments\` w
     WHERE w.\`course_id\` = e.\`course_id\` AND w.\`status\` = 'waitlisted'
       AND (w.\`enrolled_at\` < e.\`enrolled_at\` OR (w.\`enrolled_at\` = e.\`enrolled_at\` AND w.\`id\` <= e.\`id\`))
  ) END`;

const COLUMNS = `e.\`id\` AS enrollmentId, e.\`user_id\` AS userId, p.\`full_name\` AS fullName,
       p.\`email\` AS email, e.\`status\` AS status, e.\`progress_percent\` AS progressPercent,
       e.\`enrolled_at\` AS enrolledAt, e.\`completed_at\` AS completedAt,
       ${WAITLIST_POSITION} AS waitlistPosition,
       c.\`serial\` AS certificateSerial, c.\`issued_at\` AS certificateIssuedAt,
       c.\`expires_at\` AS certificateExpiresAt, c.\`revoked_at\` AS certificateRevokedAt`;

// People and certificates come through the read models their owners publish for this list.
const FROM = `FROM \`enrollments\` e
  JOIN \`people_view\` p ON p.\`id\` = e.\`user_id\`
  LEFT JOIN \`enrollment_certificates_view\` c ON c.\`enrollment_id\` = e.\`id\``;

/**
 * The statements behind a course's learners: the rows in order (the waitlist in queue order,
 * everyone else by name) and their count. The course narrows through `ix_enrollments_course_status`;
 * the words through the FULLTEXT index on the people's folded search text. `page` null gives
 * every row (the CSV export).
 */
function learnerStatements(
  courseId: string,
  filter: LearnerFilter,
  page: PageQuery | null,
): { items: SqlStatement; count: SqlStatement } {
  const where = ['e.`course_id` = ?'];
  const params: unknown[] = [courseId];
  if (filter.status !== undefined) {
    where.push('e.`status` = ?');
    params.push(filter.status);
  }
  const words = filter.q === undefined ? null : searchQuery(filter.q);
  if (words !== null) {
    where.push('MATCH (p.`search_text`) AGAINST (? IN BOOLEAN MODE)');
    params.push(words);
  }
  const clause = `WHERE ${where.join(' AND ')}`;
  const order =
    filter.status === 'waitlisted' ? 'e.`enrolled_at`, e.`id`' : 'p.`full_name`, e.`user_id`';
  const limit = page === null ? '' : ' LIMIT ? OFFSET ?';
  return {
    items: {
      sql: `SELECT ${COLUMNS} ${FROM} ${clause} ORDER BY ${order}${limit}`,
      params: page === null ? params : [...params, page.pageSize, pageOffset(page)],
    },
    count: { sql: `SELECT COUNT(*) AS total ${FROM} ${clause}`, params },
  };
}

/** A course's learners: one page of them with their count, or every one of them as a stream. */
@Injectable()
export class CourseLearnersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: ExportConnections,
  ) {}

  async page(
    courseId: string,
    filter: LearnerFilter,
    query: PageQuery,
  ): Promise<{ rows: LearnerRow[]; total: number }> {
    const statements = learnerStatements(courseId, filter, query);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<LearnerRow[]>(statements.items.sql, statements.items.params),
      this.dataSource.query<{ total: string | number }[]>(
        statements.count.sql,
        statements.count.params,
      ),
    ]);
    return { rows, total: Number(count?.total ?? 0) };
  }

  /** Every matching learner, as an object stream of {@link LearnerRow} from the export pool. */
  stream(courseId: string, filter: LearnerFilter): Promise<Readable> {
    const { items } = learnerStatements(courseId, filter, null);
    return this.exports.stream(items.sql, items.params);
  }
}
