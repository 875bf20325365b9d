import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identities at OpenID Connect providers linked to accounts, one per (issuer, subject); both
 * compared byte for byte (utf8mb4_bin), as the specification compares them.
 */
export class CreateUserIdentities1765950000000 implements MigrationInterface {
  name = 'CreateUserIdentities1765950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`user_identities\` (
        \`id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`issuer\` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        \`subject\` varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        \`provider_id\` varchar(32) NOT NULL,
        \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`last_sign_in_at\` datetime(3) NOT NULL,
        INDEX \`ix_user_identities_user\` (\`user_id\`),
        UNIQUE INDEX \`uq_user_identities_issuer_subject\` (\`issuer\`, \`subject\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_user_identities_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`)
          ON DELETE CASCADE ON UPDATE NO ACTION
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `user_identities`');
  }
}
