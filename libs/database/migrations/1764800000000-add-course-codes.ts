import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Courses get an optional code (`TV-NN-01`, stored upper case), unique across the platform:
 * what a catalogue or a broadcaster's schedule spreadsheet calls the course. The unique index
 * holds any number of NULLs, so courses without a code are unaffected.
 */
export class AddCourseCodes1764800000000 implements MigrationInterface {
  name = 'AddCourseCodes1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE \`courses\`
        ADD \`code\` varchar(32) NULL DEFAULT NULL AFTER \`facility_id\`,
        ADD UNIQUE INDEX \`uq_courses_code\` (\`code\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `courses` DROP INDEX `uq_courses_code`, DROP COLUMN `code`',
    );
  }
}
