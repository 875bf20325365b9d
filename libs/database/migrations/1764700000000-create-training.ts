import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mandated training: requirements and their immutable versions, assignments (one per
 * requirement, person and cycle), the ledger that makes each reminder happen once, and frozen
 * compliance snapshots.
 */
export class CreateTraining1764700000000 implements MigrationInterface {
  name = 'CreateTraining1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`training_requirements\` (
        \`id\` char(36) NOT NULL,
        \`org_unit_id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`current_version\` int UNSIGNED NOT NULL,
        \`created_by\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        INDEX \`ix_training_requirements_org_unit\` (\`org_unit_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_training_requirements_org_unit\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_training_requirements_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`training_requirement_versions\` (
        \`requirement_id\` char(36) NOT NULL,
        \`version\` int UNSIGNED NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`org_unit_id\` char(36) NOT NULL,
        \`include_descendants\` tinyint NOT NULL DEFAULT 1,
        \`positions\` json NULL DEFAULT NULL,
        \`job_grades\` json NULL DEFAULT NULL,
        \`due_days\` int UNSIGNED NULL DEFAULT NULL,
        \`due_date\` datetime(3) NULL DEFAULT NULL,
        \`every_months\` int UNSIGNED NULL DEFAULT NULL,
        \`annual_on\` char(5) NULL DEFAULT NULL,
        \`window_days\` int UNSIGNED NOT NULL DEFAULT 0,
        \`reminder_days\` json NOT NULL,
        \`created_by\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`requirement_id\`, \`version\`),
        CONSTRAINT \`fk_training_requirement_versions_requirement\` FOREIGN KEY (\`requirement_id\`) REFERENCES \`training_requirements\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`training_assignments\` (
        \`id\` char(36) NOT NULL,
        \`requirement_id\` char(36) NOT NULL,
        \`requirement_version\` int UNSIGNED NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`cycle\` smallint UNSIGNED NOT NULL,
        \`enrollment_id\` char(36) NULL DEFAULT NULL,
        \`status\` varchar(20) NOT NULL,
        \`assigned_at\` datetime(3) NOT NULL,
        \`due_at\` datetime(3) NULL DEFAULT NULL,
        \`completed_at\` datetime(3) NULL DEFAULT NULL,
        \`expires_at\` datetime(3) NULL DEFAULT NULL,
        \`closed_at\` datetime(3) NULL DEFAULT NULL,
        \`certificate_serial\` varchar(100) NULL DEFAULT NULL,
        UNIQUE INDEX \`uq_training_assignments_cycle\` (\`requirement_id\`, \`user_id\`, \`cycle\`),
        INDEX \`ix_training_assignments_user\` (\`user_id\`, \`assigned_at\`),
        INDEX \`ix_training_assignments_live\` (\`user_id\`, \`closed_at\`, \`status\`),
        INDEX \`ix_training_assignments_enrollment\` (\`enrollment_id\`),
        INDEX \`ix_training_assignments_status\` (\`status\`, \`due_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_training_assignments_requirement\` FOREIGN KEY (\`requirement_id\`) REFERENCES \`training_requirements\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_training_assignments_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`training_notices\` (
        \`assignment_id\` char(36) NOT NULL,
        \`kind\` varchar(20) NOT NULL,
        \`step\` int UNSIGNED NOT NULL,
        \`batch_id\` char(36) NOT NULL,
        \`sent_at\` datetime(3) NOT NULL,
        INDEX \`ix_training_notices_batch\` (\`batch_id\`),
        PRIMARY KEY (\`assignment_id\`, \`kind\`, \`step\`),
        CONSTRAINT \`fk_training_notices_assignment\` FOREIGN KEY (\`assignment_id\`) REFERENCES \`training_assignments\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`training_snapshots\` (
        \`id\` char(36) NOT NULL,
        \`org_unit_id\` char(36) NOT NULL,
        \`period\` varchar(7) NOT NULL,
        \`taken_at\` datetime(3) NOT NULL,
        \`taken_by\` char(36) NOT NULL,
        \`rows\` json NOT NULL,
        UNIQUE INDEX \`uq_training_snapshots_period\` (\`org_unit_id\`, \`period\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_training_snapshots_org_unit\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'training_snapshots',
      'training_notices',
      'training_assignments',
      'training_requirement_versions',
      'training_requirements',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
