import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses, their tags, sections, lessons, quiz questions and choices, and each facility's review
 * policy. `courses.search_text` holds folded, marked tokens under a FULLTEXT index: the catalogue
 * search ignores diacritics, case and đ/d on MySQL and MariaDB alike, and short syllables and
 * English stopwords still index (see libs/common/src/text/search-terms.ts).
 */
export class CreateCourses1764403600000 implements MigrationInterface {
  name = 'CreateCourses1764403600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`courses\` (
        \`id\` char(36) NOT NULL,
        \`facility_id\` char(36) NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`summary\` varchar(1000) NOT NULL,
        \`description\` text NULL DEFAULT NULL,
        \`language\` varchar(20) NOT NULL DEFAULT 'vi',
        \`capacity\` int UNSIGNED NULL DEFAULT NULL,
        \`hours\` decimal(5,1) NULL DEFAULT NULL,
        \`validity_months\` smallint UNSIGNED NULL DEFAULT NULL,
        \`enrollment_opens_at\` datetime(3) NULL DEFAULT NULL,
        \`enrollment_closes_at\` datetime(3) NULL DEFAULT NULL,
        \`status\` varchar(20) NOT NULL DEFAULT 'draft',
        \`active_enrollments\` int UNSIGNED NOT NULL DEFAULT 0,
        \`search_text\` text NOT NULL,
        \`created_by\` char(36) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        \`published_at\` datetime(3) NULL DEFAULT NULL,
        \`archived_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_courses_catalogue\` (\`status\`, \`published_at\`, \`id\`),
        INDEX \`ix_courses_facility\` (\`facility_id\`, \`status\`, \`published_at\`),
        FULLTEXT INDEX \`ix_courses_search\` (\`search_text\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_courses_facility\` FOREIGN KEY (\`facility_id\`) REFERENCES \`facilities\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_courses_created_by\` FOREIGN KEY (\`created_by\`) REFERENCES \`users\` (\`id\`) ON DELETE SET NULL ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`course_tags\` (
        \`course_id\` char(36) NOT NULL,
        \`tag_key\` varchar(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        \`tag\` varchar(50) NOT NULL,
        \`position\` tinyint UNSIGNED NOT NULL,
        INDEX \`ix_course_tags_tag\` (\`tag_key\`, \`course_id\`),
        PRIMARY KEY (\`course_id\`, \`tag_key\`),
        CONSTRAINT \`fk_course_tags_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`course_sections\` (
        \`id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`position\` smallint UNSIGNED NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        INDEX \`ix_course_sections_course\` (\`course_id\`, \`position\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_course_sections_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`lessons\` (
        \`id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`section_id\` char(36) NOT NULL,
        \`position\` smallint UNSIGNED NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`kind\` varchar(20) NOT NULL,
        \`required\` tinyint NOT NULL DEFAULT 1,
        \`completion_threshold\` tinyint UNSIGNED NULL DEFAULT NULL,
        \`duration_seconds\` int UNSIGNED NULL DEFAULT NULL,
        \`video_id\` char(36) NULL DEFAULT NULL,
        \`video_ready\` tinyint NOT NULL DEFAULT 0,
        \`body\` mediumtext NULL DEFAULT NULL,
        \`pass_mark\` tinyint UNSIGNED NULL DEFAULT NULL,
        \`attempt_limit\` smallint UNSIGNED NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        INDEX \`ix_lessons_section\` (\`section_id\`, \`position\`),
        INDEX \`ix_lessons_course\` (\`course_id\`, \`required\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_lessons_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_lessons_section\` FOREIGN KEY (\`section_id\`) REFERENCES \`course_sections\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`quiz_questions\` (
        \`id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`position\` smallint UNSIGNED NOT NULL,
        \`text\` varchar(1000) NOT NULL,
        \`multiple\` tinyint NOT NULL DEFAULT 0,
        INDEX \`ix_quiz_questions_lesson\` (\`lesson_id\`, \`position\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_quiz_questions_lesson\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`quiz_choices\` (
        \`id\` char(36) NOT NULL,
        \`question_id\` char(36) NOT NULL,
        \`position\` smallint UNSIGNED NOT NULL,
        \`text\` varchar(500) NOT NULL,
        \`correct\` tinyint NOT NULL DEFAULT 0,
        INDEX \`ix_quiz_choices_question\` (\`question_id\`, \`position\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_quiz_choices_question\` FOREIGN KEY (\`question_id\`) REFERENCES \`quiz_questions\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`course_review_policies\` (
        \`facility_id\` char(36) NOT NULL,
        \`requires_review\` tinyint NOT NULL,
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (\`facility_id\`),
        CONSTRAINT \`fk_course_review_policies_facility\` FOREIGN KEY (\`facility_id\`) REFERENCES \`facilities\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'course_review_policies',
      'quiz_choices',
      'quiz_questions',
      'lessons',
      'course_sections',
      'course_tags',
      'courses',
    ])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
