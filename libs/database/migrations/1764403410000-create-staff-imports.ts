import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff CSV imports: the import and its progress, the uploaded file in chunks (kept in the
 * database so any worker machine can read it; each chunk stays far below max_allowed_packet),
 * and the per-line error report.
 */
export class CreateStaffImports1764403410000 implements MigrationInterface {
  name = 'CreateStaffImports1764403410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`staff_imports\` (
        \`id\` char(36) NOT NULL,
        \`status\` varchar(16) NOT NULL DEFAULT 'queued',
        \`requested_by\` char(36) NOT NULL,
        \`scope_org_unit_ids\` json NULL DEFAULT NULL,
        \`byte_size\` int UNSIGNED NOT NULL,
        \`chunk_count\` int UNSIGNED NOT NULL,
        \`total\` int UNSIGNED NOT NULL DEFAULT 0,
        \`processed\` int UNSIGNED NOT NULL DEFAULT 0,
        \`created\` int UNSIGNED NOT NULL DEFAULT 0,
        \`updated\` int UNSIGNED NOT NULL DEFAULT 0,
        \`failed\` int UNSIGNED NOT NULL DEFAULT 0,
        \`failure\` varchar(1000) NULL DEFAULT NULL,
        \`run_token\` char(36) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`started_at\` datetime(3) NULL DEFAULT NULL,
        \`finished_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_staff_imports_requested_by\` (\`requested_by\`, \`created_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_staff_imports_requested_by\` FOREIGN KEY (\`requested_by\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`staff_import_chunks\` (
        \`import_id\` char(36) NOT NULL,
        \`seq\` int UNSIGNED NOT NULL,
        \`data\` mediumblob NOT NULL,
        PRIMARY KEY (\`import_id\`, \`seq\`),
        CONSTRAINT \`fk_staff_import_chunks_import\` FOREIGN KEY (\`import_id\`) REFERENCES \`staff_imports\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`staff_import_errors\` (
        \`import_id\` char(36) NOT NULL,
        \`line\` int UNSIGNED NOT NULL,
        \`message\` varchar(500) NOT NULL,
        PRIMARY KEY (\`import_id\`, \`line\`),
        CONSTRAINT \`fk_staff_import_errors_import\` FOREIGN KEY (\`import_id\`) REFERENCES \`staff_imports\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['staff_import_errors', 'staff_import_chunks', 'staff_imports'])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
