import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for a course's list of learners, which enrollment pages, filters and searches in
 * one statement: identity publishes who a person is (name, email and the folded `search_text`
 * under its FULLTEXT index), certificates publishes each enrollment's certificate with its
 * revocation time. MERGE views, so a query through them runs on the tables' own indexes
 * (`ix_users_search`, `uq_certificates_enrollment`); INVOKER, so they read with the caller's
 * rights.
 */
export class PublishLearnerViews1766500000000 implements MigrationInterface {
  name = 'PublishLearnerViews1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `people_view` AS ' +
        'SELECT `id`, `full_name`, `email`, `search_text` FROM `users`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `enrollment_certificates_view` AS ' +
        'SELECT c.`enrollment_id`, ' +
        "CONCAT_WS('-', SUBSTRING(c.`serial`, 1, 4), SUBSTRING(c.`serial`, 5, 4), SUBSTRING(c.`serial`, 9, 4), SUBSTRING(c.`serial`, 13)) AS `serial`, " +
        'c.`issued_at`, c.`expires_at`, r.`revoked_at` ' +
        'FROM `certificates` c LEFT JOIN `certificate_revocations` r ON r.`certificate_id` = c.`id`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW `enrollment_certificates_view`');
    await queryRunner.query('DROP VIEW `people_view`');
  }
}
