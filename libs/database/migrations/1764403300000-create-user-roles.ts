import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUserRoles1764403300000 implements MigrationInterface {
  name = 'CreateUserRoles1764403300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`user_roles\` (
        \`user_id\` char(36) NOT NULL,
        \`role\` varchar(20) NOT NULL,
        \`scope_type\` varchar(20) NOT NULL DEFAULT '',
        \`scope_id\` varchar(36) NOT NULL DEFAULT '',
        \`granted_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`granted_by\` char(36) NULL DEFAULT NULL,
        INDEX \`ix_user_roles_scope\` (\`scope_type\`, \`scope_id\`, \`role\`),
        PRIMARY KEY (\`user_id\`, \`role\`, \`scope_type\`, \`scope_id\`),
        CONSTRAINT \`fk_user_roles_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`)
          ON DELETE CASCADE ON UPDATE NO ACTION
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `user_roles`');
  }
}
