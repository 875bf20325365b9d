import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme figures stored per administrative-unit subtree, facility type and period, so a
 * public request reads a handful of rows instead of counting enrollments. `admin_unit_id` ''
 * is the whole country and `facility_type` '' every type. Derived data: jobs recompute the
 * cells an event touches and a nightly reconciliation repairs any drift, so no foreign key ties
 * it to the tables it is computed from.
 */
export class CreateMonitoringFigures1766600100000 implements MigrationInterface {
  name = 'CreateMonitoringFigures1766600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`monitoring_figures\` (
        \`admin_unit_id\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`facility_type\` varchar(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`period\` varchar(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`facilities\` int UNSIGNED NOT NULL DEFAULT 0,
        \`active_facilities\` int UNSIGNED NOT NULL DEFAULT 0,
        \`learners\` int UNSIGNED NOT NULL DEFAULT 0,
        \`enrollments\` int UNSIGNED NOT NULL DEFAULT 0,
        \`completions\` int UNSIGNED NOT NULL DEFAULT 0,
        \`learning_hours\` decimal(14,1) NOT NULL DEFAULT 0,
        \`certificates_issued\` int UNSIGNED NOT NULL DEFAULT 0,
        \`computed_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`period\`, \`facility_type\`, \`admin_unit_id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `monitoring_figures`');
  }
}
