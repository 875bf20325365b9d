import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit of group attendance (who recorded whom, at which facility, when; and who voided it),
 * which outlives the attendance a void removes.
 */
export class CreateGroupAttendanceRecords1765400000000 implements MigrationInterface {
  name = 'CreateGroupAttendanceRecords1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`group_attendance_records\` (
        \`id\` char(36) NOT NULL,
        \`attendance_id\` char(36) NOT NULL,
        \`broadcast_id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`lesson_id\` char(36) NOT NULL,
        \`learner_id\` char(36) NOT NULL,
        \`facility_id\` char(36) NOT NULL,
        \`recorded_by\` char(36) NOT NULL,
        \`recorded_at\` datetime(3) NOT NULL,
        \`voided_at\` datetime(3) NULL DEFAULT NULL,
        \`voided_by\` char(36) NULL DEFAULT NULL,
        \`void_reason\` varchar(500) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        INDEX \`ix_group_attendance_records_course\` (\`course_id\`, \`recorded_at\`),
        INDEX \`ix_group_attendance_records_attendance\` (\`attendance_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_group_attendance_records_broadcast\` FOREIGN KEY (\`broadcast_id\`) REFERENCES \`broadcasts\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT,
        CONSTRAINT \`fk_group_attendance_records_learner\` FOREIGN KEY (\`learner_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `group_attendance_records`');
  }
}
