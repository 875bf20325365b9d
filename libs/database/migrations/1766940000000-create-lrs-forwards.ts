import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External Learning Record Stores the statements are forwarded to (docs/xapi.md, Forwarding).
 * `forwarded_seq` is the cursor: the `seq` of the last statement the remote accepted; it only
 * moves after a 2xx answer, so a remote that is down loses nothing. `verbs` is null for every
 * statement, else a JSON list of verb IRIs. The Basic secret is kept as given (the remote needs
 * it back) and is never returned by the api nor written to the audit log.
 */
export class CreateLrsForwards1766940000000 implements MigrationInterface {
  name = 'CreateLrsForwards1766940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`lrs_forwards\` (
        \`id\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`endpoint\` varchar(2000) NOT NULL,
        \`basic_key\` varchar(255) NOT NULL,
        \`basic_secret\` varchar(255) NOT NULL,
        \`verbs\` text NULL,
        \`forwarded_seq\` bigint UNSIGNED NOT NULL DEFAULT 0,
        \`last_error\` varchar(1000) NULL,
        \`created_by\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`revoked_at\` datetime(3) NULL,
        PRIMARY KEY (\`id\`),
        INDEX \`ix_lrs_forwards_created_at\` (\`created_at\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `lrs_forwards`');
  }
}
