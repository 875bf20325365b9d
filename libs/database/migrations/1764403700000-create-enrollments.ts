import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrollments, lesson progress and quiz attempts. `lesson_progress` is the hottest table: one
 * narrow row per enrollment and lesson under a composite primary key, the watched intervals as
 * a small binary value (8 bytes an interval), written with compare-and-set on `revision`.
 */
export class CreateEnrollments1764403700000 implements MigrationInterface {
  name = 'CreateEnrollments1764403700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`enrollments\` (
        \`id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`status\` varchar(20) NOT NULL,
        \`source\` varchar(20) NOT NULL DEFAULT 'self',
        \`progress_percent\` tinyint UNSIGNED NOT NULL DEFAULT 0,
        \`enrolled_at\` datetime(3) NOT NULL,
        \`completed_at\` datetime(3) NULL DEFAULT NULL,
        \`withdrawn_at\` datetime(3) NULL DEFAULT NULL,
        UNIQUE INDEX \`uq_enrollments_course_user\` (\`course_id\`, \`user_id\`),
        INDEX \`ix_enrollments_course_status\` (\`course_id\`, \`status\`, \`enrolled_at\`),
        INDEX \`ix_enrollments_user\` (\`user_id\`, \`enrolled_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_enrollments_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_enrollments_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`lesson_progress\` (
        \`enrollment_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`intervals\` mediumblob NULL DEFAULT NULL,
        \`watched_seconds\` int UNSIGNED NOT NULL DEFAULT 0,
        \`position_seconds\` int UNSIGNED NOT NULL DEFAULT 0,
        \`last_report_at\` datetime(3) NULL DEFAULT NULL,
        \`completed_at\` datetime(3) NULL DEFAULT NULL,
        \`revision\` int UNSIGNED NOT NULL DEFAULT 0,
        PRIMARY KEY (\`enrollment_id\`, \`lesson_id\`),
        CONSTRAINT \`fk_lesson_progress_enrollment\` FOREIGN KEY (\`enrollment_id\`) REFERENCES \`enrollments\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`quiz_attempts\` (
        \`id\` char(36) NOT NULL,
        \`enrollment_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`attempt_number\` smallint UNSIGNED NOT NULL,
        \`score\` tinyint UNSIGNED NOT NULL,
        \`passed\` tinyint NOT NULL,
        \`answers\` json NOT NULL,
        \`attempted_at\` datetime(3) NOT NULL,
        UNIQUE INDEX \`uq_quiz_attempts_number\` (\`enrollment_id\`, \`lesson_id\`, \`attempt_number\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_quiz_attempts_enrollment\` FOREIGN KEY (\`enrollment_id\`) REFERENCES \`enrollments\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['quiz_attempts', 'lesson_progress', 'enrollments'])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
