import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A channel may belong to a facility (a provincial station run by its centre), whose staff then
 * manage it; a channel without one is national and managed by platform admins only.
 */
export class AddChannelOwners1765300000000 implements MigrationInterface {
  name = 'AddChannelOwners1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `channels` ADD `facility_id` char(36) NULL DEFAULT NULL AFTER `description`',
    );
    await queryRunner.query('CREATE INDEX `ix_channels_facility` ON `channels` (`facility_id`)');
    await queryRunner.query(
      'ALTER TABLE `channels` ADD CONSTRAINT `fk_channels_facility` FOREIGN KEY (`facility_id`) REFERENCES `facilities` (`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `channels` DROP FOREIGN KEY `fk_channels_facility`');
    await queryRunner.query('DROP INDEX `ix_channels_facility` ON `channels`');
    await queryRunner.query('ALTER TABLE `channels` DROP COLUMN `facility_id`');
  }
}
