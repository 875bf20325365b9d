import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A facility admin who returns a course in review says why: the comment and when it was given
 * stay on the course for its authors until it is published or sent for review again.
 */
export class AddCourseReviewNote1766200000000 implements MigrationInterface {
  name = 'AddCourseReviewNote1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `courses` ADD `review_note` varchar(2000) NULL DEFAULT NULL AFTER `archived_at`, ADD `review_note_at` datetime(3) NULL DEFAULT NULL AFTER `review_note`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `courses` DROP COLUMN `review_note_at`, DROP COLUMN `review_note`',
    );
  }
}
