import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where relayed outbox events go once they are old (`outbox.archive-events`): kept, with the
 * moment they moved, but out of the table the relay and every state change write to.
 */
export class CreateOutboxEventsArchive1766400100000 implements MigrationInterface {
  name = 'CreateOutboxEventsArchive1766400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`outbox_events_archive\` (
        \`id\` bigint UNSIGNED NOT NULL,
        \`type\` varchar(100) NOT NULL,
        \`payload\` json NOT NULL,
        \`request_id\` varchar(128) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`dispatched_at\` datetime(3) NOT NULL,
        \`attempts\` int UNSIGNED NOT NULL,
        \`last_error\` varchar(500) NULL DEFAULT NULL,
        \`archived_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `outbox_events_archive`');
  }
}
