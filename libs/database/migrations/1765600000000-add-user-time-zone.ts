import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's time zone (IANA name), in which the web app shows times; everyone starts in
 * Vietnam's.
 */
export class AddUserTimeZone1765600000000 implements MigrationInterface {
  name = 'AddUserTimeZone1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `users` ADD `time_zone` varchar(64) NOT NULL DEFAULT 'Asia/Ho_Chi_Minh' AFTER `locale`",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `users` DROP COLUMN `time_zone`');
  }
}
