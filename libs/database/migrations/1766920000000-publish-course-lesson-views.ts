import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models widened so that no lib reads another's tables:
 * - `enrollments_view` gains each enrollment's progress, and `lesson_progress_view` says which
 *   lessons an enrollment has begun (training moves assignments to "in progress" with them);
 * - `facilities_view` gains each facility's name (the studio lists where an author works);
 * - `courses_view` gains each course's title and status (the public television schedule lists
 *   airings of published courses, by title);
 * - `lessons_view` publishes each lesson's course, title, kind and how it completes (the
 *   schedule's titles; a progress report reads it with its enrollment in one statement).
 * MERGE views with INVOKER rights, like the other read models, so joins use the tables' keys.
 */
export class PublishCourseLessonViews1766920000000 implements MigrationInterface {
  name = 'PublishCourseLessonViews1766920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `enrollments_view` AS ' +
        'SELECT `id`, `course_id`, `user_id`, `status`, `enrolled_at`, `completed_at`, `progress_percent` FROM `enrollments`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `lesson_progress_view` AS ' +
        'SELECT `enrollment_id`, `lesson_id`, `completed_at` FROM `lesson_progress`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `facilities_view` AS ' +
        'SELECT `id`, `name`, `type`, `admin_unit_id`, `created_at` FROM `facilities`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `courses_view` AS ' +
        'SELECT `id`, `facility_id`, `hours`, `title`, `status` FROM `courses`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `lessons_view` AS ' +
        'SELECT `id`, `course_id`, `title`, `kind`, `duration_seconds`, `completion_threshold` FROM `lessons`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW `lesson_progress_view`');
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `enrollments_view` AS ' +
        'SELECT `id`, `course_id`, `user_id`, `status`, `enrolled_at`, `completed_at` FROM `enrollments`',
    );
    await queryRunner.query('DROP VIEW `lessons_view`');
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `courses_view` AS ' +
        'SELECT `id`, `facility_id`, `hours` FROM `courses`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `facilities_view` AS ' +
        'SELECT `id`, `type`, `admin_unit_id`, `created_at` FROM `facilities`',
    );
  }
}
