import type { SearchWords } from '@lifelong/common';

/**
 * The catalogue's SQL, built in one place so the plan tests check exactly what the api runs.
 * Every filter is index-backed: the words through `course_search_terms` (by course and word, or
 * by word for the rarest one), the facility through `ix_courses_facility`, the administrative
 * subtree through the admin-unit path range (`ix_admin_units_path`) joined to facilities and
 * courses by their indexes, the tag through `ix_course_tags_tag`, the facility type through
 * `ix_facilities_type`; the listing, searched or not, reads `ix_courses_catalogue` in order.
 *
 * Two bounds keep a request's work independent of the catalogue's size (docs/operations.md,
 * "National catalogue"): the total is counted only up to PAGES_AHEAD pages past the page asked
 * for ("120+" beyond), and a search either starts from its rarest word when that word is in at
 * most RARE_WORD courses, or walks the catalogue newest first checking each word by primary key
 * until the page is full.
 */

/**
 * How far past the page asked for the total is counted. Counting a broad search costs reading
 * the catalogue until that many matches are found: this keeps it to a few pages' worth.
 */
export const PAGES_AHEAD = 5;

/** Matches counted at most for this page: beyond it the answer says `totalCapped`. */
export const countCap = (page: { offset: number; limit: number }): number =>
  page.offset + page.limit * (PAGES_AHEAD + 1);

/** A word in at most this many courses is where a search starts from (see above). */
export const RARE_WORD = 1_000;

/** A statement and its parameters, for `DataSource.query` or mysql2 alike. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** A word of a search, whole or as the start of a word (the last one typed). */
export interface SearchWord {
  term: string;
  prefix: boolean;
}

/** What the catalogue filters by, already resolved (see CourseCatalogue). */
export interface CatalogueCriteria {
  /** The words every course must hold (`searchWords`), or null for no text filter. */
  text: SearchWords | null;
  /** One of the words, in few courses: the search starts from its courses (`rareWord`). */
  start?: SearchWord;
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

const NEWEST = 'ORDER BY c.`published_at` DESC, c.`id` DESC';

/** The words of a search, whole ones first, the prefix last. */
export function wordsOf(text: SearchWords): SearchWord[] {
  return [
    ...text.words.map((term) => ({ term, prefix: false })),
    { term: text.prefix, prefix: true },
  ];
}

/** The condition on `s.term` for a word; tokens are letters and digits, never `%` or `_`. */
const termIs = (word: SearchWord): { sql: string; param: string } =>
  word.prefix
    ? { sql: 's.`term` LIKE ?', param: `${word.term}%` }
    : { sql: 's.`term` = ?', param: word.term };

/**
 * In how many courses each word is (`wordsOf` order), counted up to RARE_WORD + 1 from the
 * word index: a few thousand index entries at most, whatever the catalogue's size.
 */
export function wordCountsStatement(text: SearchWords): SqlStatement {
  const words = wordsOf(text);
  return {
    sql: `SELECT ${words
      .map(
        (word, i) =>
          `(SELECT COUNT(*) FROM (SELECT 1 FROM \`course_search_terms\` s WHERE ${termIs(word).sql} LIMIT ${RARE_WORD + 1}) w${i}) AS w${i}`,
      )
      .join(', ')}`,
    params: words.map((word) => termIs(word).param),
  };
}

/** The word to start a search from: the rarest, when it is rare enough (else none). */
export function rareWord(text: SearchWords, counts: readonly number[]): SearchWord | undefined {
  const words = wordsOf(text);
  let rarest = 0;
  counts.forEach((count, i) => {
    if (count < counts[rarest]!) rarest = i;
  });
  return counts[rarest]! <= RARE_WORD ? words[rarest] : undefined;
}

function fromWhere(criteria: CatalogueCriteria): SqlStatement {
  const from: string[] = [];
  const where = ["c.`status` = 'published'"];
  const params: unknown[] = [];
  const start = criteria.start;
  if (start) {
    // Its courses (at most RARE_WORD) first; the page is sorted from those.
    const term = termIs(start);
    from.push(
      `FROM (SELECT DISTINCT s.\`course_id\` FROM \`course_search_terms\` s WHERE ${term.sql}) w`,
      'JOIN `courses` c ON c.`id` = w.`course_id`',
    );
    params.push(term.param);
  } else {
    from.push('FROM `courses` c');
  }
  for (const word of criteria.text ? wordsOf(criteria.text) : []) {
    if (start && word.term === start.term && word.prefix === start.prefix) continue;
    const term = termIs(word);
    // A scalar subquery, not EXISTS: both servers turn EXISTS into a semi-join and may then
    // read every course holding the word before the first row of the page.
    where.push(
      `(SELECT 1 FROM \`course_search_terms\` s WHERE s.\`course_id\` = c.\`id\` AND ${term.sql} LIMIT 1) IS NOT NULL`,
    );
    params.push(term.param);
  }
  if (criteria.facilityId !== undefined) {
    where.push('c.`facility_id` = ?');
    params.push(criteria.facilityId);
  }
  if (criteria.adminUnitPattern !== undefined || criteria.facilityType !== undefined) {
    from.push('JOIN `facilities` f ON f.`id` = c.`facility_id`');
  }
  if (criteria.adminUnitPattern !== undefined) {
    from.push('JOIN `admin_units` u ON u.`id` = f.`admin_unit_id`');
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
  return { sql: [...from, `WHERE ${where.join(' AND ')}`].join(' '), params };
}

/**
 * The page of courses, newest first, and the total counted up to `countCap(page)` + 1 (more:
 * `totalCapped`). Searches are newest first too: every word is required and a course holds each
 * word once, so all matches are equally relevant. The page's ids are found first and its rows
 * read after by primary key, so a sort (a subtree's courses) handles ids, not whole rows.
 */
export function catalogueStatements(
  criteria: CatalogueCriteria,
  page: { offset: number; limit: number },
): { items: SqlStatement; count: SqlStatement } {
  const base = fromWhere(criteria);
  return {
    items: {
      sql: `SELECT ${COLUMNS} FROM (SELECT c.\`id\` ${base.sql} ${NEWEST} LIMIT ? OFFSET ?) p JOIN \`courses\` c ON c.\`id\` = p.\`id\` ${NEWEST}`,
      params: [...base.params, page.limit, page.offset],
    },
    count: {
      sql: `SELECT COUNT(*) AS total FROM (SELECT 1 ${base.sql} LIMIT ${countCap(page) + 1}) capped`,
      params: base.params,
    },
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
