import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections (programme monitoring). An inspection targets a facility or an org unit and
 * keeps its own checklist: the weighted criteria are copied in when it is planned, then each
 * gets a score and a note. Evidence files live in the media storage; a row here names the key,
 * for a criterion or for the closing of a follow-up action. `monitoring_action_reminders` is the
 * ledger that makes each due-date reminder happen once per action and step.
 */
export class CreateInspections1766955000000 implements MigrationInterface {
  name = 'CreateInspections1766955000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`monitoring_inspections\` (
        \`id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`target_type\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`target_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`target_name\` varchar(200) NOT NULL,
        \`planned_on\` date NOT NULL,
        \`team\` json NOT NULL,
        \`status\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`summary\` varchar(4000) NULL,
        \`planned_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`published_at\` datetime(3) NULL,
        \`published_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`updated_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`id\`),
        KEY \`ix_monitoring_inspections_target\` (\`target_type\`, \`target_id\`, \`planned_on\`),
        KEY \`ix_monitoring_inspections_planned_on\` (\`planned_on\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_inspection_criteria\` (
        \`inspection_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`position\` smallint UNSIGNED NOT NULL,
        \`label\` varchar(300) NOT NULL,
        \`weight\` smallint UNSIGNED NOT NULL,
        \`score\` tinyint UNSIGNED NULL,
        \`note\` varchar(2000) NULL,
        PRIMARY KEY (\`inspection_id\`, \`position\`),
        CONSTRAINT \`fk_monitoring_inspection_criteria_inspection\` FOREIGN KEY (\`inspection_id\`)
          REFERENCES \`monitoring_inspections\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_inspection_actions\` (
        \`id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`inspection_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`title\` varchar(300) NOT NULL,
        \`owner_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`due_on\` date NOT NULL,
        \`status\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`closing_note\` varchar(2000) NULL,
        \`closed_at\` datetime(3) NULL,
        \`closed_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`created_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`id\`),
        KEY \`ix_monitoring_inspection_actions_inspection\` (\`inspection_id\`),
        KEY \`ix_monitoring_inspection_actions_due\` (\`status\`, \`due_on\`),
        CONSTRAINT \`fk_monitoring_inspection_actions_inspection\` FOREIGN KEY (\`inspection_id\`)
          REFERENCES \`monitoring_inspections\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_inspection_evidence\` (
        \`id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`inspection_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`criterion\` smallint UNSIGNED NULL,
        \`action_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`storage_key\` varchar(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`file_name\` varchar(200) NOT NULL,
        \`content_type\` varchar(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`size\` int UNSIGNED NOT NULL,
        \`uploaded_by\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`uploaded_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`id\`),
        KEY \`ix_monitoring_inspection_evidence_inspection\` (\`inspection_id\`),
        KEY \`ix_monitoring_inspection_evidence_action\` (\`action_id\`),
        CONSTRAINT \`fk_monitoring_inspection_evidence_inspection\` FOREIGN KEY (\`inspection_id\`)
          REFERENCES \`monitoring_inspections\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_monitoring_inspection_evidence_action\` FOREIGN KEY (\`action_id\`)
          REFERENCES \`monitoring_inspection_actions\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`monitoring_action_reminders\` (
        \`action_id\` char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`step\` varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`sent_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`action_id\`, \`step\`),
        CONSTRAINT \`fk_monitoring_action_reminders_action\` FOREIGN KEY (\`action_id\`)
          REFERENCES \`monitoring_inspection_actions\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'monitoring_action_reminders',
      'monitoring_inspection_evidence',
      'monitoring_inspection_actions',
      'monitoring_inspection_criteria',
      'monitoring_inspections',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
