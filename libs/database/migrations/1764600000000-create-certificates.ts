import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (one per enrollment, by unique key), their revocations (the audit: who, when,
 * why; one per certificate) and certificate templates of facilities and courses.
 */
export class CreateCertificates1764600000000 implements MigrationInterface {
  name = 'CreateCertificates1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`certificates\` (
        \`id\` char(36) NOT NULL,
        \`serial\` char(14) NOT NULL,
        \`enrollment_id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`facility_id\` char(36) NOT NULL,
        \`template_id\` char(36) NULL DEFAULT NULL,
        \`holder_name\` varchar(300) NOT NULL,
        \`course_title\` varchar(200) NOT NULL,
        \`facility_name\` varchar(200) NOT NULL,
        \`hours\` decimal(5,1) NULL DEFAULT NULL,
        \`issued_at\` datetime(3) NOT NULL,
        \`expires_at\` datetime(3) NULL DEFAULT NULL,
        \`key_id\` varchar(64) NOT NULL,
        \`credential\` text NOT NULL,
        \`pdf_key\` varchar(200) NULL DEFAULT NULL,
        UNIQUE INDEX \`uq_certificates_serial\` (\`serial\`),
        UNIQUE INDEX \`uq_certificates_enrollment\` (\`enrollment_id\`),
        INDEX \`ix_certificates_user\` (\`user_id\`, \`issued_at\`),
        INDEX \`ix_certificates_course\` (\`course_id\`, \`issued_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_certificates_enrollment\` FOREIGN KEY (\`enrollment_id\`) REFERENCES \`enrollments\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_certificates_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_certificates_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`certificate_revocations\` (
        \`certificate_id\` char(36) NOT NULL,
        \`revoked_by\` char(36) NOT NULL,
        \`revoked_at\` datetime(3) NOT NULL,
        \`reason\` varchar(500) NOT NULL,
        INDEX \`ix_certificate_revocations_revoked_by\` (\`revoked_by\`, \`revoked_at\`),
        PRIMARY KEY (\`certificate_id\`),
        CONSTRAINT \`fk_certificate_revocations_certificate\` FOREIGN KEY (\`certificate_id\`) REFERENCES \`certificates\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_certificate_revocations_user\` FOREIGN KEY (\`revoked_by\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`certificate_templates\` (
        \`id\` char(36) NOT NULL,
        \`facility_id\` char(36) NOT NULL,
        \`course_id\` char(36) NULL DEFAULT NULL,
        \`scope_id\` char(36) NOT NULL,
        \`title\` varchar(200) NOT NULL,
        \`body\` varchar(2000) NOT NULL,
        \`signer_name\` varchar(200) NOT NULL,
        \`signer_title\` varchar(200) NOT NULL,
        \`logo\` mediumblob NULL DEFAULT NULL,
        \`logo_type\` varchar(20) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_certificate_templates_scope\` (\`scope_id\`),
        INDEX \`ix_certificate_templates_facility\` (\`facility_id\`),
        INDEX \`ix_certificate_templates_course\` (\`course_id\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_certificate_templates_facility\` FOREIGN KEY (\`facility_id\`) REFERENCES \`facilities\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_certificate_templates_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['certificate_templates', 'certificate_revocations', 'certificates'])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
