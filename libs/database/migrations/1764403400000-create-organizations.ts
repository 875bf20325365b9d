import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrative units, facilities, org units, staff profiles and memberships. Both trees keep a
 * materialized path of ids (`/<root id>/…/<own id>/`, ASCII, binary collation) under a prefix
 * index, so a subtree is one index range whatever the size of the tree.
 */
export class CreateOrganizations1764403400000 implements MigrationInterface {
  name = 'CreateOrganizations1764403400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`admin_units\` (
        \`id\` char(36) NOT NULL,
        \`code\` varchar(50) NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`level\` varchar(30) NOT NULL,
        \`parent_id\` char(36) NULL DEFAULT NULL,
        \`path\` varchar(760) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`depth\` tinyint UNSIGNED NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_admin_units_code\` (\`code\`),
        INDEX \`ix_admin_units_path\` (\`path\`),
        INDEX \`ix_admin_units_parent\` (\`parent_id\`, \`name\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_admin_units_parent\` FOREIGN KEY (\`parent_id\`) REFERENCES \`admin_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`facilities\` (
        \`id\` char(36) NOT NULL,
        \`code\` varchar(50) NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`type\` varchar(40) NOT NULL,
        \`admin_unit_id\` char(36) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_facilities_code\` (\`code\`),
        INDEX \`ix_facilities_admin_unit\` (\`admin_unit_id\`, \`name\`),
        INDEX \`ix_facilities_type\` (\`type\`, \`name\`),
        INDEX \`ix_facilities_name\` (\`name\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_facilities_admin_unit\` FOREIGN KEY (\`admin_unit_id\`) REFERENCES \`admin_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`org_units\` (
        \`id\` char(36) NOT NULL,
        \`code\` varchar(50) NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`parent_id\` char(36) NULL DEFAULT NULL,
        \`path\` varchar(760) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`depth\` tinyint UNSIGNED NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_org_units_code\` (\`code\`),
        INDEX \`ix_org_units_path\` (\`path\`),
        INDEX \`ix_org_units_parent\` (\`parent_id\`, \`name\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_org_units_parent\` FOREIGN KEY (\`parent_id\`) REFERENCES \`org_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`staff_profiles\` (
        \`user_id\` char(36) NOT NULL,
        \`employee_code\` varchar(50) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        UNIQUE INDEX \`uq_staff_profiles_employee_code\` (\`employee_code\`),
        PRIMARY KEY (\`user_id\`),
        CONSTRAINT \`fk_staff_profiles_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`memberships\` (
        \`id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`org_unit_id\` char(36) NOT NULL,
        \`position\` varchar(100) NULL DEFAULT NULL,
        \`job_grade\` varchar(50) NULL DEFAULT NULL,
        \`started_at\` datetime(3) NOT NULL,
        \`ended_at\` datetime(3) NULL DEFAULT NULL,
        \`current_user_id\` char(36) NULL DEFAULT NULL,
        UNIQUE INDEX \`uq_memberships_current_user\` (\`current_user_id\`),
        INDEX \`ix_memberships_org_unit\` (\`org_unit_id\`, \`ended_at\`),
        INDEX \`ix_memberships_user\` (\`user_id\`, \`started_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_memberships_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT,
        CONSTRAINT \`fk_memberships_org_unit\` FOREIGN KEY (\`org_unit_id\`) REFERENCES \`org_units\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['memberships', 'staff_profiles', 'org_units', 'facilities', 'admin_units'])
      await queryRunner.query(`DROP TABLE \`${table}\``);
  }
}
