import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxEvents1764403210000 implements MigrationInterface {
  name = 'CreateOutboxEvents1764403210000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`outbox_events\` (
        \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`type\` varchar(100) NOT NULL,
        \`payload\` json NOT NULL,
        \`request_id\` varchar(128) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`dispatched_at\` datetime(3) NULL DEFAULT NULL,
        \`attempts\` int UNSIGNED NOT NULL DEFAULT 0,
        \`last_error\` varchar(500) NULL DEFAULT NULL,
        INDEX \`ix_outbox_events_pending\` (\`dispatched_at\`, \`id\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `outbox_events`');
  }
}
