import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Yearly facility reports (programme monitoring). A year's form is its deadline and its fields;
 * a field is never deleted, only retired, so a report submitted before keeps what it answered,
 * and each report also keeps the definitions of the fields it answered (`fields`) as they were
 * when it was last saved. `monitoring_reported_values` holds the accepted values that feed
 * reported indicators, one row per report and indicator, so the figures are summed by one
 * set-based statement. `monitoring_report_reminders` is the ledger that makes each deadline
 * reminder happen once per facility, year and step. The reported indicators get their columns
 * in `monitoring_figures`.
 */
export class CreateFacilityReports1766910000000 implements MigrationInterface {
  name = 'CreateFacilityReports1766910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`monitoring_report_forms\` (
        \`year\` smallint UNSIGNED NOT NULL,
        \`deadline\` datetime(3) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`year\`),
        KEY \`ix_monitoring_report_forms_deadline\` (\`deadline\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_report_fields\` (
        \`year\` smallint UNSIGNED NOT NULL,
        \`key\` varchar(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`label_vi\` varchar(200) NOT NULL,
        \`label_en\` varchar(200) NOT NULL,
        \`type\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`help\` varchar(1000) NULL,
        \`required\` tinyint(1) NOT NULL DEFAULT 0,
        \`min\` decimal(18,4) NULL,
        \`max\` decimal(18,4) NULL,
        \`choices\` json NULL,
        \`indicator\` varchar(60) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`position\` int UNSIGNED NOT NULL,
        \`retired_at\` datetime(3) NULL,
        PRIMARY KEY (\`year\`, \`key\`),
        CONSTRAINT \`fk_monitoring_report_fields_form\` FOREIGN KEY (\`year\`)
          REFERENCES \`monitoring_report_forms\` (\`year\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_facility_reports\` (
        \`id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`facility_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`year\` smallint UNSIGNED NOT NULL,
        \`status\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`values\` json NOT NULL,
        \`fields\` json NOT NULL,
        \`submitted_at\` datetime(3) NULL,
        \`submitted_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`decided_at\` datetime(3) NULL,
        \`decided_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`comment\` varchar(2000) NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`id\`),
        UNIQUE KEY \`uq_monitoring_facility_reports_facility_year\` (\`facility_id\`, \`year\`),
        KEY \`ix_monitoring_facility_reports_year_status\` (\`year\`, \`status\`),
        CONSTRAINT \`fk_monitoring_facility_reports_form\` FOREIGN KEY (\`year\`)
          REFERENCES \`monitoring_report_forms\` (\`year\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_reported_values\` (
        \`report_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`indicator\` varchar(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`facility_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`year\` smallint UNSIGNED NOT NULL,
        \`value\` decimal(18,4) NOT NULL,
        PRIMARY KEY (\`report_id\`, \`indicator\`),
        KEY \`ix_monitoring_reported_values_year\` (\`year\`, \`indicator\`),
        CONSTRAINT \`fk_monitoring_reported_values_report\` FOREIGN KEY (\`report_id\`)
          REFERENCES \`monitoring_facility_reports\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_report_reminders\` (
        \`facility_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`year\` smallint UNSIGNED NOT NULL,
        \`step\` int UNSIGNED NOT NULL,
        \`batch_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`sent_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`facility_id\`, \`year\`, \`step\`),
        KEY \`ix_monitoring_report_reminders_batch\` (\`batch_id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` ' +
        'ADD COLUMN `offline_classes` int UNSIGNED NOT NULL DEFAULT 0, ' +
        'ADD COLUMN `offline_class_learners` int UNSIGNED NOT NULL DEFAULT 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `monitoring_figures` DROP COLUMN `offline_class_learners`, DROP COLUMN `offline_classes`',
    );
    for (const table of [
      'monitoring_report_reminders',
      'monitoring_reported_values',
      'monitoring_facility_reports',
      'monitoring_report_fields',
      'monitoring_report_forms',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
