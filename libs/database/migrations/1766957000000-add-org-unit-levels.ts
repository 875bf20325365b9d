import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Org units carry the level of their agency (`central`, `province`, `district`, `commune`; null
 * when not set, e.g. a department that takes its agency's level from nobody), so programme
 * monitoring can count civil servants trained to standard by level. Published read models:
 * `org_units_view` gains `level`; `training_assignments_view` gains `expires_at` and `closed_at`,
 * so whether someone was trained at a moment can be read from the timestamps alone. The stored
 * programme figures gain the trained civil servants per level.
 */
export class AddOrgUnitLevels1766957000000 implements MigrationInterface {
  name = 'AddOrgUnitLevels1766957000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `org_units` ADD `level` enum('central', 'province', 'district', 'commune') NULL DEFAULT NULL AFTER `name`",
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `org_units_view` AS ' +
        'SELECT `id`, `code`, `name`, `level`, `parent_id`, `path`, `depth` FROM `org_units`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `training_assignments_view` AS ' +
        'SELECT `id`, `requirement_id`, `user_id`, `enrollment_id`, `status`, `assigned_at`, ' +
        '`due_at`, `completed_at`, `expires_at`, `closed_at` FROM `training_assignments`',
    );
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` ' +
        'ADD COLUMN `trained_civil_servants_central` int UNSIGNED NOT NULL DEFAULT 0, ' +
        'ADD COLUMN `trained_civil_servants_province` int UNSIGNED NOT NULL DEFAULT 0, ' +
        'ADD COLUMN `trained_civil_servants_district` int UNSIGNED NOT NULL DEFAULT 0, ' +
        'ADD COLUMN `trained_civil_servants_commune` int UNSIGNED NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` DROP COLUMN `trained_civil_servants_commune`, ' +
        'DROP COLUMN `trained_civil_servants_district`, ' +
        'DROP COLUMN `trained_civil_servants_province`, ' +
        'DROP COLUMN `trained_civil_servants_central`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `training_assignments_view` AS ' +
        'SELECT `id`, `requirement_id`, `user_id`, `enrollment_id`, `status`, `assigned_at`, ' +
        '`due_at`, `completed_at` FROM `training_assignments`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `org_units_view` AS ' +
        'SELECT `id`, `code`, `name`, `parent_id`, `path`, `depth` FROM `org_units`',
    );
    await queryRunner.query('ALTER TABLE `org_units` DROP COLUMN `level`');
  }
}
