import type { SearchWords } from '@lifelong/common';
import { ALL, facilityTerm, tagTerm } from './catalogue-terms';

/**
 * The catalogue's SQL, built in one place so the plan tests check exactly what the api runs.
 *
 * Every listing walks `catalogue_terms` (published courses only, keyed term, `published_at`,
 * course) newest first under one key and stops at its page: ALL for the whole catalogue, a
 * word, a tag, or a subtree's facilities (one branch per key, merged). The filters not walked
 * are checked on each course walked: the facility in the row itself, the other words and the
 * tag by primary key (`course_search_terms`, `course_tags`). Which key is walked is chosen from
 * `catalogue_term_counts` by what reaching the page would cost (`chooseWalk`).
 *
 * Two bounds keep a request's work independent of the catalogue's size (docs/operations.md,
 * "National catalogue"): the total is counted only up to PAGES_AHEAD pages past the page asked
 * for ("120+" beyond), and the walk stops there.
 */

/**
 * How far past the page asked for the total is counted. Counting a broad search costs reading
 * the catalogue until that many matches are found: this keeps it to a few pages' worth.
 */
export const PAGES_AHEAD = 5;

/** Matches counted at most for this page: beyond it the answer says `totalCapped`. */
export const countCap = (page: { offset: number; limit: number }): number =>
  page.offset + page.limit * (PAGES_AHEAD + 1);

/** A prefix starting more listed words than this is checked on each course, never walked. */
export const PREFIX_BRANCHES = 64;

/** What one more branch of a merged walk costs, in rows read (a subquery to plan and start). */
const BRANCH_COST = 10;

/** A subtree's facilities are walked one key each up to this many; beyond, only checked. */
export const FACILITY_BRANCHES = 32;

/**
 * A facility filter of up to this many facilities is checked in the row walked against their
 * list; a larger one (a kind of facility nationwide) through organizations' views by primary key.
 */
export const FACILITY_LIST = 500;

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

/** Where the catalogue's facility filter leads: a list of facilities, or a subtree and kind. */
export type FacilityFilter =
  { facilityIds: string[] } | { adminUnitPattern?: string; facilityType?: string };

/**
 * The key a listing walks: ALL, one whole word, every listed word its prefix starts, the tag, or
 * each of the facilities; the walked filter needs no check.
 */
export type Walk =
  | { by: 'all' }
  | { by: 'word'; term: string }
  | { by: 'prefix'; terms: string[] }
  | { by: 'tag' }
  | { by: 'facilities' };

/** What the catalogue filters by, already resolved (see CourseCatalogue). */
export interface CatalogueCriteria {
  /** The words every course must hold (`searchWords`), or null for no text filter. */
  text: SearchWords | null;
  tagKey?: string;
  facilities?: FacilityFilter;
  /** Chosen by `chooseWalk`; ALL when not given. */
  walk?: Walk;
}

/** The keys of `catalogue_terms` a walk reads, merged newest first. */
export function walkTerms(criteria: CatalogueCriteria): string[] {
  const walk = criteria.walk ?? { by: 'all' };
  switch (walk.by) {
    case 'all':
      return [ALL];
    case 'word':
      return [walk.term];
    case 'prefix':
      return walk.terms;
    case 'tag':
      return [tagTerm(criteria.tagKey!)];
    case 'facilities': {
      const facilities = criteria.facilities;
      return facilities && 'facilityIds' in facilities
        ? facilities.facilityIds.map(facilityTerm)
        : [ALL];
    }
  }
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

/** The words of a search, whole ones first, the prefix last. */
export function wordsOf(text: SearchWords): SearchWord[] {
  return [
    ...text.words.map((term) => ({ term, prefix: false })),
    { term: text.prefix, prefix: true },
  ];
}

/** Tokens are letters and digits, never `%` or `_`: a prefix is a plain LIKE range. */
const likePrefix = (prefix: string): string => `${prefix}%`;

/**
 * The facilities a subtree and a kind of facility (and a facility, if one is named) come to,
 * read through organizations' views: up to FACILITY_LIST + 1, so a larger filter is known to be
 * larger and checked through the views instead.
 */
export function facilitiesStatement(filter: {
  facilityId?: string;
  adminUnitPattern?: string;
  facilityType?: string;
}): SqlStatement {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.adminUnitPattern !== undefined) {
    where.push('u.`path` LIKE ?');
    params.push(filter.adminUnitPattern);
  }
  if (filter.facilityType !== undefined) {
    where.push('f.`type` = ?');
    params.push(filter.facilityType);
  }
  if (filter.facilityId !== undefined) {
    where.push('f.`id` = ?');
    params.push(filter.facilityId);
  }
  const from =
    filter.adminUnitPattern !== undefined
      ? 'FROM `admin_units_view` u JOIN `facilities_view` f ON f.`admin_unit_id` = u.`id`'
      : 'FROM `facilities_view` f';
  return {
    sql: `SELECT f.\`id\` AS id ${from} WHERE ${where.join(' AND ')} LIMIT ${FACILITY_LIST + 1}`,
    params,
  };
}

/** The keys whose counts decide the walk: ALL, the whole words, the tag, a few facilities. */
export function countedTerms(criteria: CatalogueCriteria): string[] {
  const facilities = criteria.facilities;
  const listed =
    facilities && 'facilityIds' in facilities && facilities.facilityIds.length <= FACILITY_BRANCHES
      ? facilities.facilityIds
      : [];
  return [
    ALL,
    ...(criteria.text?.words ?? []),
    ...(criteria.tagKey !== undefined ? [tagTerm(criteria.tagKey)] : []),
    ...listed.map(facilityTerm),
  ];
}

/**
 * How many listed courses each counted key has, and the listed words the prefix starts (up to
 * PREFIX_BRANCHES + 1 of them, with theirs): `prefixed` is 1 on those rows.
 */
export function termCountsStatement(criteria: CatalogueCriteria): SqlStatement {
  const terms = countedTerms(criteria);
  const counted = `SELECT \`term\`, \`courses\`, 0 AS prefixed FROM \`catalogue_term_counts\` WHERE \`term\` IN (${terms.map(() => '?').join(', ')})`;
  if (!criteria.text) return { sql: counted, params: terms };
  return {
    sql: `(${counted}) UNION ALL (SELECT \`term\`, \`courses\`, 1 FROM \`catalogue_term_counts\` WHERE \`term\` LIKE ? AND \`courses\` > 0 LIMIT ${PREFIX_BRANCHES + 1})`,
    params: [...terms, likePrefix(criteria.text.prefix)],
  };
}

/** What `termCountsStatement` read: each key's listed courses, and the prefix's words. */
export interface TermCounts {
  courses: Map<string, number>;
  /** The listed words the prefix starts, up to PREFIX_BRANCHES + 1. */
  prefixTerms: string[];
}

/**
 * The key to walk: of ALL, each whole word, the prefix's words, the tag and the facilities, the
 * one whose walk reaches `need` matches after reading the fewest rows, estimated as if the
 * filters were independent: a key of `n` courses, where the other filters keep a share `s` of
 * the courses, reads min(n, need ÷ s) rows, each with one primary-key check per word or tag not
 * walked. Null when a whole word or the tag is in no listed course, or the prefix starts none:
 * nothing matches. The counts only choose the plan; a stale count costs speed, never a wrong
 * answer.
 */
export function chooseWalk(
  criteria: CatalogueCriteria,
  counts: TermCounts,
  need: number,
): Walk | null {
  const count = (term: string) => counts.courses.get(term) ?? 0;
  const total = Math.max(1, count(ALL));
  interface Filter {
    walk: Walk | null;
    /** The keys it would walk; its share of the catalogue is theirs. */
    terms: string[];
    /** Checked by primary key when not walked (a facility is checked in the row). */
    lookup: boolean;
  }
  const filters: Filter[] = [];
  for (const term of criteria.text?.words ?? [])
    filters.push({ walk: { by: 'word', term }, terms: [term], lookup: true });
  if (criteria.text) {
    const terms = counts.prefixTerms;
    if (terms.length === 0) return null;
    const walkable = terms.length <= PREFIX_BRANCHES;
    filters.push({ walk: walkable ? { by: 'prefix', terms } : null, terms, lookup: true });
  }
  if (criteria.tagKey !== undefined)
    filters.push({ walk: { by: 'tag' }, terms: [tagTerm(criteria.tagKey)], lookup: true });
  const facilities = criteria.facilities;
  if (
    facilities &&
    'facilityIds' in facilities &&
    facilities.facilityIds.length <= FACILITY_BRANCHES
  )
    filters.push({
      walk: { by: 'facilities' },
      terms: facilities.facilityIds.map(facilityTerm),
      lookup: false,
    });
  const size = (filter: Filter) => filter.terms.reduce((sum, term) => sum + count(term), 0);
  // A prefix of more words than were read is in at least as many courses as those.
  if (filters.some((filter) => size(filter) === 0)) return null;
  const share = (filter: Filter) => Math.min(1, size(filter) / total);
  const cost = (walked: Filter | null): number => {
    const others = filters.filter((filter) => filter !== walked);
    const kept = Math.max(
      others.reduce((product, filter) => product * share(filter), 1),
      1 / total,
    );
    // A row failing the facility, read in the row, costs no lookup.
    const inRow = others
      .filter((filter) => !filter.lookup)
      .reduce((product, filter) => product * share(filter), 1);
    const perRow = 1 + inRow * others.filter((filter) => filter.lookup).length;
    return (walked?.terms ?? [ALL]).reduce(
      (sum, term) => sum + BRANCH_COST + Math.min(count(term), need / kept) * perRow,
      0,
    );
  };
  let best: { walk: Walk; cost: number } = { walk: { by: 'all' }, cost: cost(null) };
  for (const filter of filters) {
    if (!filter.walk) continue;
    const walked = cost(filter);
    if (walked < best.cost) best = { walk: filter.walk, cost: walked };
  }
  return best.walk;
}

/** The conditions on a walked row `e` for every filter but the one walked. */
function checks(criteria: CatalogueCriteria): SqlStatement {
  const walk = criteria.walk ?? { by: 'all' };
  const where: string[] = [];
  const params: unknown[] = [];
  const facilities = criteria.facilities;
  if (facilities && 'facilityIds' in facilities) {
    if (walk.by !== 'facilities') {
      where.push(`e.\`facility_id\` IN (${facilities.facilityIds.map(() => '?').join(', ')})`);
      params.push(...facilities.facilityIds);
    }
  } else if (facilities) {
    // Too many facilities to list: each course's own, by primary key through the views.
    const conditions = ['f.`id` = e.`facility_id`'];
    let from = '`facilities_view` f';
    if (facilities.adminUnitPattern !== undefined) {
      from += ' JOIN `admin_units_view` u ON u.`id` = f.`admin_unit_id`';
      conditions.push('u.`path` LIKE ?');
      params.push(facilities.adminUnitPattern);
    }
    if (facilities.facilityType !== undefined) {
      conditions.push('f.`type` = ?');
      params.push(facilities.facilityType);
    }
    where.push(`(SELECT 1 FROM ${from} WHERE ${conditions.join(' AND ')}) IS NOT NULL`);
  }
  // Scalar subqueries, not EXISTS: both servers turn EXISTS into a semi-join and may then read
  // every course holding the word before the first row of the page.
  if (criteria.tagKey !== undefined && walk.by !== 'tag') {
    where.push(
      '(SELECT 1 FROM `course_tags` t WHERE t.`course_id` = e.`course_id` AND t.`tag_key` = ?) IS NOT NULL',
    );
    params.push(criteria.tagKey);
  }
  const words = (criteria.text ? wordsOf(criteria.text) : []).filter((word) =>
    word.prefix ? walk.by !== 'prefix' : walk.by !== 'word' || walk.term !== word.term,
  );
  const termIs = (word: SearchWord) => (word.prefix ? 's.`term` LIKE ?' : 's.`term` = ?');
  const termParam = (word: SearchWord) => (word.prefix ? likePrefix(word.term) : word.term);
  if (words.length === 1) {
    where.push(
      `(SELECT 1 FROM \`course_search_terms\` s WHERE s.\`course_id\` = e.\`course_id\` AND ${termIs(words[0]!)} LIMIT 1) IS NOT NULL`,
    );
    params.push(termParam(words[0]!));
  } else if (words.length > 1) {
    // One read of the course's words for all of them (each subquery run per row costs more
    // than the rows it reads): every word must be among them.
    where.push(
      `(SELECT ${words.map((word) => `MAX(${termIs(word)})`).join(' + ')} FROM \`course_search_terms\` s WHERE s.\`course_id\` = e.\`course_id\` AND (${words.map(termIs).join(' OR ')})) = ${words.length}`,
    );
    params.push(...words.map(termParam), ...words.map(termParam));
  }
  return { sql: where.map((condition) => ` AND ${condition}`).join(''), params };
}

const NEWEST = 'ORDER BY e.`published_at` DESC, e.`course_id` DESC';

/**
 * The walked keys' first `take` matches newest first: one key read in order, or several each
 * read as far and merged (a course under two of them, two words of one prefix, is one match).
 */
function walkStatement(criteria: CatalogueCriteria, take: number): SqlStatement {
  const filter = checks(criteria);
  const terms = walkTerms(criteria);
  const branch = `SELECT e.\`course_id\` AS id, e.\`published_at\` AS at FROM \`catalogue_terms\` e WHERE e.\`term\` = ?${filter.sql} ${NEWEST} LIMIT ${take}`;
  if (terms.length === 1) return { sql: branch, params: [terms[0], ...filter.params] };
  return {
    sql: `SELECT w.\`id\`, w.\`at\` FROM (${terms
      .map(() => `(${branch})`)
      .join(' UNION ')}) w ORDER BY w.\`at\` DESC, w.\`id\` DESC LIMIT ${take}`,
    params: terms.flatMap((term) => [term, ...filter.params]),
  };
}

/**
 * The matches newest first, as far as `countCap(page)` + 1: the page is a slice of them and the
 * total their number (more: `totalCapped`), so the walk to the page is not made twice. Searches
 * are newest first too: every word is required and a course holds each word once, so all
 * matches are equally relevant.
 */
export function matchesStatement(
  criteria: CatalogueCriteria,
  page: { offset: number; limit: number },
): SqlStatement {
  return walkStatement(criteria, countCap(page) + 1);
}

/** The page's courses, by primary key (in no order: the caller puts them in the walk's). */
export function courseRowsStatement(courseIds: readonly string[]): SqlStatement {
  return {
    sql: `SELECT ${COLUMNS} FROM \`courses\` c WHERE c.\`id\` IN (${courseIds.map(() => '?').join(', ')})`,
    params: [...courseIds],
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
