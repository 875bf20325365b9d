import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts for real people: a deactivation mark on users; sessions (one per refresh-token
 * family, so a person can see and end them); and one-time links (invitations, password resets)
 * stored only as hashes. Existing token families become sessions.
 */
export class CreateAccountLifecycle1765900000000 implements MigrationInterface {
  name = 'CreateAccountLifecycle1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `users` ADD `deactivated_at` datetime(3) NULL DEFAULT NULL AFTER `time_zone`',
    );
    await queryRunner.query(`
      CREATE TABLE \`sessions\` (
        \`id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`user_agent\` varchar(255) NULL DEFAULT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`last_used_at\` datetime(3) NOT NULL,
        \`expires_at\` datetime(3) NOT NULL,
        \`ended_at\` datetime(3) NULL DEFAULT NULL,
        INDEX \`ix_sessions_user\` (\`user_id\`, \`ended_at\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_sessions_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`)
          ON DELETE CASCADE ON UPDATE NO ACTION
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      INSERT INTO \`sessions\` (\`id\`, \`user_id\`, \`created_at\`, \`last_used_at\`, \`expires_at\`, \`ended_at\`)
      SELECT \`family_id\`, MIN(\`user_id\`), MIN(\`issued_at\`), MAX(\`issued_at\`), MAX(\`expires_at\`),
             CASE WHEN SUM(\`revoked_at\` IS NULL) = 0 THEN MAX(\`revoked_at\`) END
        FROM \`refresh_tokens\` GROUP BY \`family_id\``);
    await queryRunner.query(`
      CREATE TABLE \`account_tokens\` (
        \`id\` char(36) NOT NULL,
        \`user_id\` char(36) NOT NULL,
        \`purpose\` varchar(16) NOT NULL,
        \`token_hash\` char(64) NOT NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`expires_at\` datetime(3) NOT NULL,
        \`used_at\` datetime(3) NULL DEFAULT NULL,
        \`revoked_at\` datetime(3) NULL DEFAULT NULL,
        \`created_by\` char(36) NULL DEFAULT NULL,
        INDEX \`ix_account_tokens_user\` (\`user_id\`, \`purpose\`),
        UNIQUE INDEX \`uq_account_tokens_token_hash\` (\`token_hash\`),
        PRIMARY KEY (\`id\`),
        CONSTRAINT \`fk_account_tokens_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`)
          ON DELETE CASCADE ON UPDATE NO ACTION
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(
      'ALTER TABLE `staff_imports` ADD `invite_created` tinyint NOT NULL DEFAULT 0 AFTER `scope_org_unit_ids`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `staff_imports` DROP COLUMN `invite_created`');
    await queryRunner.query('DROP TABLE `account_tokens`');
    await queryRunner.query('DROP TABLE `sessions`');
    await queryRunner.query('ALTER TABLE `users` DROP COLUMN `deactivated_at`');
  }
}
