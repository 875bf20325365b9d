import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * cmi5 course packages (docs/xapi.md, cmi5): the package of a cmi5 lesson (its files live in the
 * media storage under `cmi5/<id>/`), each learner's registration in it with what the content
 * reported, and launch sessions with the hashes of their one-time fetch token and auth token.
 */
export class CreateCmi51766954000000 implements MigrationInterface {
  name = 'CreateCmi51766954000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`cmi5_packages\` (
        \`id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`course_iri\` varchar(2000) NOT NULL,
        \`au_iri\` varchar(2000) NOT NULL,
        \`title\` varchar(500) NOT NULL,
        \`launch_path\` varchar(1000) NOT NULL,
        \`launch_parameters\` text NULL DEFAULT NULL,
        \`launch_method\` varchar(16) NOT NULL,
        \`move_on\` varchar(24) NOT NULL,
        \`mastery_score\` decimal(5,4) NULL DEFAULT NULL,
        \`file_count\` int UNSIGNED NOT NULL,
        \`byte_size\` bigint UNSIGNED NOT NULL,
        \`uploaded_by\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        INDEX \`ix_cmi5_packages_lesson\` (\`lesson_id\`, \`created_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_cmi5_packages_lesson\` FOREIGN KEY (\`lesson_id\`) REFERENCES \`lessons\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_cmi5_packages_uploaded_by\` FOREIGN KEY (\`uploaded_by\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`cmi5_registrations\` (
        \`id\` char(36) NOT NULL,
        \`package_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`completed_at\` datetime(3) NULL DEFAULT NULL,
        \`passed_at\` datetime(3) NULL DEFAULT NULL,
        \`failed_at\` datetime(3) NULL DEFAULT NULL,
        \`satisfied_at\` datetime(3) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_cmi5_registrations_learner\` (\`package_id\`, \`user_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_cmi5_registrations_package\` FOREIGN KEY (\`package_id\`) REFERENCES \`cmi5_packages\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_cmi5_registrations_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`cmi5_sessions\` (
        \`id\` char(36) NOT NULL,
        \`registration_id\` char(36) NOT NULL,
        \`fetch_hash\` binary(32) NOT NULL,
        \`token_hash\` binary(32) NULL DEFAULT NULL,
        \`fetched_at\` datetime(3) NULL DEFAULT NULL,
        \`expires_at\` datetime(3) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_cmi5_sessions_fetch\` (\`fetch_hash\`),
        INDEX \`ix_cmi5_sessions_registration\` (\`registration_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_cmi5_sessions_registration\` FOREIGN KEY (\`registration_id\`) REFERENCES \`cmi5_registrations\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `cmi5_sessions`');
    await queryRunner.query('DROP TABLE `cmi5_registrations`');
    await queryRunner.query('DROP TABLE `cmi5_packages`');
  }
}
