import type { EntityManager } from 'typeorm';

/**
 * The keys of `catalogue_terms` besides a course's words (which are letters and digits only, so
 * the three never meet a word): every listed course is under ALL, under its facility and under
 * each of its tags.
 */
export const ALL = '';
export const facilityTerm = (facilityId: string): string => `@${facilityId}`;
export const tagTerm = (tagKey: string): string => `#${tagKey}`;

/** The keys a listed course is found by: its words, its tags, its facility and ALL. */
export function listingTerms(
  words: readonly string[],
  tagKeys: readonly string[],
  facilityId: string,
): string[] {
  return [...new Set([...words, ...tagKeys.map(tagTerm), facilityTerm(facilityId), ALL])];
}

/**
 * Brings the course's rows of `catalogue_terms` (and the keys' counts) in step with the course
 * as this transaction leaves it: rows under each key while it is published, none otherwise.
 * Called after every write that changes its status, words or tags, in the same transaction, so
 * the catalogue is right the moment it commits. The counts are touched in key order, so two
 * transactions never wait on each other's keys in opposite orders.
 */
export async function relistCourse(manager: EntityManager, courseId: string): Promise<void> {
  const before = (
    await manager.query<{ term: string }[]>(
      'SELECT `term` FROM `catalogue_terms` WHERE `course_id` = ?',
      [courseId],
    )
  ).map((row) => row.term);
  const [course] = await manager.query<
    { status: string; publishedAt: Date | null; facilityId: string }[]
  >(
    'SELECT `status`, `published_at` AS publishedAt, `facility_id` AS facilityId FROM `courses` WHERE `id` = ?',
    [courseId],
  );
  let after: string[] = [];
  if (course?.status === 'published' && course.publishedAt) {
    const [words, tags] = await Promise.all([
      manager.query<{ term: string }[]>(
        'SELECT `term` FROM `course_search_terms` WHERE `course_id` = ?',
        [courseId],
      ),
      manager.query<{ tagKey: string }[]>(
        'SELECT `tag_key` AS tagKey FROM `course_tags` WHERE `course_id` = ?',
        [courseId],
      ),
    ]);
    after = listingTerms(
      words.map((row) => row.term),
      tags.map((row) => row.tagKey),
      course.facilityId,
    );
  }
  if (before.length)
    await manager.query('DELETE FROM `catalogue_terms` WHERE `course_id` = ?', [courseId]);
  if (after.length)
    await manager.query(
      'INSERT INTO `catalogue_terms` (`term`, `published_at`, `course_id`, `facility_id`) VALUES ?',
      [after.map((term) => [term, course!.publishedAt, courseId, course!.facilityId])],
    );
  const changes = new Map<string, number>();
  for (const term of before) changes.set(term, -1);
  for (const term of after) changes.set(term, (changes.get(term) ?? 0) + 1);
  const counted = [...changes]
    .filter(([, change]) => change !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (counted.length)
    await manager.query(
      'INSERT INTO `catalogue_term_counts` (`term`, `courses`) VALUES ? ON DUPLICATE KEY UPDATE `courses` = `courses` + VALUES(`courses`)',
      [counted],
    );
}
