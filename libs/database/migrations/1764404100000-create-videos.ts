import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distance-lesson videos: each upload and its processing state (one pending video per lesson,
 * enforced by `uq_videos_pending_lesson`), and WebVTT subtitle tracks. Files live in media
 * storage under `videos/<id>/`.
 */
export class CreateVideos1764404100000 implements MigrationInterface {
  name = 'CreateVideos1764404100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`videos\` (
        \`id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`pending_lesson_id\` char(36) NULL DEFAULT NULL,
        \`uploaded_by\` char(36) NOT NULL,
        \`status\` varchar(16) NOT NULL DEFAULT 'processing',
        \`original_name\` varchar(255) NULL DEFAULT NULL,
        \`byte_size\` bigint UNSIGNED NOT NULL,
        \`progress_percent\` tinyint UNSIGNED NOT NULL DEFAULT 0,
        \`duration_seconds\` int UNSIGNED NULL DEFAULT NULL,
        \`renditions\` json NULL DEFAULT NULL,
        \`failure\` varchar(500) NULL DEFAULT NULL,
        \`run_token\` char(36) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        \`ready_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_videos_lesson\` (\`lesson_id\`, \`status\`),
        UNIQUE INDEX \`uq_videos_pending_lesson\` (\`pending_lesson_id\`),
        INDEX \`ix_videos_uploaded_by\` (\`uploaded_by\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_videos_lesson\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_videos_uploaded_by\` FOREIGN KEY (\`uploaded_by\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`video_subtitles\` (
        \`video_id\` char(36) NOT NULL,
        \`language\` varchar(8) NOT NULL,
        \`byte_size\` int UNSIGNED NOT NULL,
        \`uploaded_by\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (\`video_id\`, \`language\`),
        CONSTRAINT \`fk_video_subtitles_video\` FOREIGN KEY (\`video_id\`) REFERENCES \`videos\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['video_subtitles', 'videos'])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
