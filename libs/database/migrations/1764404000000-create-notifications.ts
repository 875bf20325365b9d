import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the in-app inbox (keyed by user, so one person's list is one key range), one
 * delivery row per event, recipient and channel (its key is what makes a message go out once),
 * preferences, and the daily digest's waiting entries and sent digests. Hot tables carry no
 * column that can be derived when read: titles and bodies are rendered from `kind` + `data`.
 */
export class CreateNotifications1764404000000 implements MigrationInterface {
  name = 'CreateNotifications1764404000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`notifications\` (
        \`user_id\` char(36) NOT NULL,
        \`id\` char(36) NOT NULL,
        \`event_id\` bigint UNSIGNED NOT NULL,
        \`kind\` varchar(40) NOT NULL,
        \`data\` json NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`read_at\` datetime(3) NULL DEFAULT NULL,
        UNIQUE INDEX \`uq_notifications_event_user\` (\`event_id\`, \`user_id\`),
        INDEX \`ix_notifications_unread\` (\`user_id\`, \`read_at\`, \`id\`),
        PRIMARY KEY (\`user_id\`, \`id\`),
        CONSTRAINT \`fk_notifications_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`notification_deliveries\` (
        \`event_id\` bigint UNSIGNED NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`channel\` varchar(16) NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`attempts\` smallint UNSIGNED NOT NULL DEFAULT 0,
        \`reason\` varchar(255) NULL DEFAULT NULL,
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (\`event_id\`, \`user_id\`, \`channel\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`notification_preferences\` (
        \`user_id\` char(36) NOT NULL,
        \`email\` tinyint NOT NULL DEFAULT 1,
        \`digest\` varchar(8) NOT NULL DEFAULT 'off',
        \`time_zone\` varchar(64) NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (\`user_id\`),
        CONSTRAINT \`fk_notification_preferences_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`notification_digest_entries\` (
        \`user_id\` char(36) NOT NULL,
        \`event_id\` bigint UNSIGNED NOT NULL,
        PRIMARY KEY (\`user_id\`, \`event_id\`),
        CONSTRAINT \`fk_notification_digest_entries_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`notification_digests\` (
        \`user_id\` char(36) NOT NULL,
        \`digest_date\` date NOT NULL,
        \`status\` varchar(16) NOT NULL,
        \`attempts\` smallint UNSIGNED NOT NULL DEFAULT 0,
        \`up_to_event_id\` bigint UNSIGNED NOT NULL,
        \`reason\` varchar(255) NULL DEFAULT NULL,
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (\`user_id\`, \`digest_date\`),
        CONSTRAINT \`fk_notification_digests_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_digests',
      'notification_digest_entries',
      'notification_preferences',
      'notification_deliveries',
      'notifications',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
