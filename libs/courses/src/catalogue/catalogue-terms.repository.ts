import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { listingTerms } from './catalogue-terms';

/** The queries of `catalogue_terms` and `catalogue_term_counts`. */
@Injectable()
export class CatalogueTermsRepository {
  /**
   * Brings the course's rows of `catalogue_terms` (and the keys' counts) in step with the course
   * as this transaction leaves it: rows under each key while it is published, none otherwise.
   * Called after every write that changes its status, words or tags, in the same transaction, so
   * the catalogue is right the moment it commits. The counts are touched in key order, so two
   * transactions never wait on each other's keys in opposite orders.
   */
  async relist(manager: EntityManager, courseId: string): Promise<void> {
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
}
