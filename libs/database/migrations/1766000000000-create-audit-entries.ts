import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log (libs/audit). Besides what the application does (insert and read
 * only), triggers refuse every UPDATE and DELETE of an entry, whoever connects: rewriting
 * history needs a schema change, which is itself a reviewed migration.
 */
export class CreateAuditEntries1766000000000 implements MigrationInterface {
  name = 'CreateAuditEntries1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`audit_entries\` (
        \`id\` char(36) NOT NULL,
        \`at\` datetime(3) NOT NULL,
        \`actor_id\` char(36) NULL DEFAULT NULL,
        \`action\` varchar(64) NOT NULL,
        \`subject_type\` varchar(32) NOT NULL,
        \`subject_id\` varchar(64) NOT NULL,
        \`ip\` varchar(45) NULL DEFAULT NULL,
        \`request_id\` varchar(128) NULL DEFAULT NULL,
        \`details\` json NOT NULL,
        \`org_unit_id\` char(36) NULL DEFAULT NULL,
        \`org_unit_path\` varchar(760) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL,
        \`facility_id\` char(36) NULL DEFAULT NULL,
        \`admin_unit_id\` char(36) NULL DEFAULT NULL,
        \`admin_unit_path\` varchar(760) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL,
        INDEX \`ix_audit_entries_at\` (\`at\`, \`id\`),
        INDEX \`ix_audit_entries_actor\` (\`actor_id\`, \`at\`),
        INDEX \`ix_audit_entries_subject\` (\`subject_id\`, \`at\`),
        INDEX \`ix_audit_entries_action\` (\`action\`, \`at\`),
        INDEX \`ix_audit_entries_admin_unit\` (\`admin_unit_path\`, \`at\`),
        INDEX \`ix_audit_entries_org_unit\` (\`org_unit_path\`, \`at\`),
        INDEX \`ix_audit_entries_facility\` (\`facility_id\`, \`at\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    for (const event of ['UPDATE', 'DELETE'])
      await queryRunner.query(
        `CREATE TRIGGER \`trg_audit_entries_no_${event.toLowerCase()}\` BEFORE ${event} ON \`audit_entries\` ` +
          "FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only'",
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `audit_entries`');
  }
}
