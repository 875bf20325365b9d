import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRefreshTokens1764403310000 implements MigrationInterface {
  name = 'CreateRefreshTokens1764403310000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`refresh_tokens\` (
        \`id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`family_id\` char(36) NOT NULL,
        \`token_hash\` char(64) NOT NULL,
        \`issued_at\` datetime(3) NOT NULL,
        \`expires_at\` datetime(3) NOT NULL,
        \`used_at\` datetime(3) NULL DEFAULT NULL,
        \`revoked_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_refresh_tokens_user\` (\`user_id\`),
        INDEX \`ix_refresh_tokens_family\` (\`family_id\`),
        UNIQUE INDEX \`uq_refresh_tokens_token_hash\` (\`token_hash\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_refresh_tokens_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`)
          ON DELETE CASCADE ON UPDATE NO ACTION
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `refresh_tokens`');
  }
}
