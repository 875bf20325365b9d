import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Television lessons: channels, broadcast slots (airings of television lessons), attendance,
 * check quizzes of television lessons, learners' calendar feed tokens, and schedule CSV imports
 * with their per-line errors.
 */
export class CreateTelevisionLessons1764500000000 implements MigrationInterface {
  name = 'CreateTelevisionLessons1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`channels\` (
        \`id\` char(36) NOT NULL,
        \`code\` varchar(40) NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`description\` varchar(1000) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_channels_code\` (\`code\`),
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`broadcasts\` (
        \`id\` char(36) NOT NULL,
        \`channel_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`series_id\` char(36) NULL DEFAULT NULL,
        \`starts_at\` datetime(3) NOT NULL,
        \`ends_at\` datetime(3) NOT NULL,
        \`status\` varchar(16) NOT NULL DEFAULT 'scheduled',
        \`attendance_code\` char(6) NOT NULL,
        \`revision\` int UNSIGNED NOT NULL DEFAULT 0,
        \`replay_video_id\` char(36) NULL DEFAULT NULL,
        \`remind_at\` datetime(3) NOT NULL,
        \`reminded_revision\` int UNSIGNED NULL DEFAULT NULL,
        \`reminded_at\` datetime(3) NULL DEFAULT NULL,
        \`created_by\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        INDEX \`ix_broadcasts_channel_time\` (\`channel_id\`, \`starts_at\`),
        INDEX \`ix_broadcasts_time\` (\`starts_at\`),
        INDEX \`ix_broadcasts_course_time\` (\`course_id\`, \`starts_at\`),
        INDEX \`ix_broadcasts_lesson\` (\`lesson_id\`, \`starts_at\`),
        INDEX \`ix_broadcasts_remind\` (\`status\`, \`remind_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_broadcasts_channel\` FOREIGN KEY (\`channel_id\`) REFERENCES \`channels\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_broadcasts_lesson\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`broadcast_attendances\` (
        \`id\` char(36) NOT NULL,
        \`broadcast_id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`method\` varchar(8) NOT NULL,
        \`facility_id\` char(36) NULL DEFAULT NULL,
        \`recorded_by\` char(36) NOT NULL,
        \`recorded_at\` datetime(3) NOT NULL,
        \`lesson_completed_at\` datetime(3) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_broadcast_attendances_learner\` (\`broadcast_id\`, \`user_id\`),
        INDEX \`ix_broadcast_attendances_pending\` (\`lesson_completed_at\`, \`lesson_id\`),
        INDEX \`ix_broadcast_attendances_user\` (\`user_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_broadcast_attendances_broadcast\` FOREIGN KEY (\`broadcast_id\`) REFERENCES \`broadcasts\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_broadcast_attendances_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`television_lesson_checks\` (
        \`lesson_id\` char(36) NOT NULL,
        \`quiz_lesson_id\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        INDEX \`ix_television_lesson_checks_quiz\` (\`quiz_lesson_id\`),
        PRIMARY KEY (\`lesson_id\`),
        CONSTRAINT \`fk_television_lesson_checks_lesson\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_television_lesson_checks_quiz\` FOREIGN KEY (\`quiz_lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`schedule_feed_tokens\` (
        \`user_id\` char(36) NOT NULL,
        \`salt\` char(32) NOT NULL,
        \`token_hash\` char(64) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_schedule_feed_tokens_hash\` (\`token_hash\`),
        PRIMARY KEY (\`user_id\`),
        CONSTRAINT \`fk_schedule_feed_tokens_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`schedule_imports\` (
        \`id\` char(36) NOT NULL,
        \`channel_id\` char(36) NOT NULL,
        \`requested_by\` char(36) NOT NULL,
        \`status\` varchar(16) NOT NULL DEFAULT 'queued',
        \`content\` mediumblob NULL DEFAULT NULL,
        \`total\` int UNSIGNED NOT NULL DEFAULT 0,
        \`created\` int UNSIGNED NOT NULL DEFAULT 0,
        \`unchanged\` int UNSIGNED NOT NULL DEFAULT 0,
        \`failed\` int UNSIGNED NOT NULL DEFAULT 0,
        \`failure\` varchar(1000) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`finished_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_schedule_imports_channel\` (\`channel_id\`, \`created_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_schedule_imports_channel\` FOREIGN KEY (\`channel_id\`) REFERENCES \`channels\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`schedule_import_errors\` (
        \`import_id\` char(36) NOT NULL,
        \`line\` int UNSIGNED NOT NULL,
        \`message\` varchar(500) NOT NULL,
        PRIMARY KEY (\`import_id\`, \`line\`),
        CONSTRAINT \`fk_schedule_import_errors_import\` FOREIGN KEY (\`import_id\`) REFERENCES \`schedule_imports\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'schedule_import_errors',
      'schedule_imports',
      'schedule_feed_tokens',
      'television_lesson_checks',
      'broadcast_attendances',
      'broadcasts',
      'channels',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
