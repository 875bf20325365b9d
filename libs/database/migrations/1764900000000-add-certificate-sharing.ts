import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A holder may share a certificate's Open Badges credential publicly (`shared_at` set) or keep
 * it for themselves and their facility's staff (NULL, the default).
 */
export class AddCertificateSharing1764900000000 implements MigrationInterface {
  name = 'AddCertificateSharing1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `certificates` ADD `shared_at` datetime(3) NULL DEFAULT NULL AFTER `pdf_key`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `certificates` DROP COLUMN `shared_at`');
  }
}
