import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for programme monitoring, which counts facilities, enrollments, completions and
 * hours per administrative-unit subtree in one statement: organizations publishes the
 * administrative tree and its facilities (with their type and registration time), courses each
 * course's facility and hours, enrollment each enrollment's status and moments. Certificates
 * are read through `enrollment_certificates_view`. MERGE views, so a query through them runs on
 * the tables' own indexes (the path range, `ix_courses_facility`, `ix_enrollments_course_status`);
 * INVOKER, so they read with the caller's rights.
 */
export class PublishMonitoringViews1766600000000 implements MigrationInterface {
  name = 'PublishMonitoringViews1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `admin_units_view` AS ' +
        'SELECT `id`, `code`, `name`, `level`, `parent_id`, `path`, `depth` FROM `admin_units`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `facilities_view` AS ' +
        'SELECT `id`, `type`, `admin_unit_id`, `created_at` FROM `facilities`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `courses_view` AS ' +
        'SELECT `id`, `facility_id`, `hours` FROM `courses`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `enrollments_view` AS ' +
        'SELECT `id`, `course_id`, `user_id`, `status`, `enrolled_at`, `completed_at` FROM `enrollments`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of ['enrollments_view', 'courses_view', 'facilities_view', 'admin_units_view'])
      await queryRunner.query(`DROP VIEW \`${view}\``);
  }
}
