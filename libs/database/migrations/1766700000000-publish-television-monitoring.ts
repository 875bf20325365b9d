import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Television in the programme's figures: television publishes its airings (course, start,
 * status) and the attendances at them (learner, how recorded, when) as read models, and each
 * stored cell gains the airings and the two kinds of attendance. MERGE views on the tables' own
 * indexes, INVOKER rights, like the other monitoring read models.
 */
export class PublishTelevisionMonitoring1766700000000 implements MigrationInterface {
  name = 'PublishTelevisionMonitoring1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `broadcasts_view` AS ' +
        'SELECT `id`, `course_id`, `starts_at`, `status` FROM `broadcasts`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `broadcast_attendances_view` AS ' +
        'SELECT `broadcast_id`, `user_id`, `method`, `recorded_at` FROM `broadcast_attendances`',
    );
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` ' +
        'ADD `television_airings` int UNSIGNED NOT NULL DEFAULT 0 AFTER `certificates_issued`, ' +
        'ADD `television_attendances` int UNSIGNED NOT NULL DEFAULT 0 AFTER `television_airings`, ' +
        'ADD `television_group_attendances` int UNSIGNED NOT NULL DEFAULT 0 AFTER `television_attendances`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` DROP `television_group_attendances`, ' +
        'DROP `television_attendances`, DROP `television_airings`',
    );
    await queryRunner.query('DROP VIEW `broadcast_attendances_view`');
    await queryRunner.query('DROP VIEW `broadcasts_view`');
  }
}
