import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cmi5 package a cmi5 lesson launches (set by the cmi5 lib through courses' LessonPackages
 * seam), so publishing can refuse a required cmi5 lesson that has none.
 */
export class AddLessonPackages1766954100000 implements MigrationInterface {
  name = 'AddLessonPackages1766954100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `lessons` ADD `package_id` char(36) NULL DEFAULT NULL AFTER `video_ready`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `lessons` DROP COLUMN `package_id`');
  }
}
