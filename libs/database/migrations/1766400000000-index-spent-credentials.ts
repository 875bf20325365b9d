import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The moments a session, refresh token or account link stops working, indexed: the purge job
 * finds what is long spent a batch at a time without scanning (or locking) the live rows.
 */
export class IndexSpentCredentials1766400000000 implements MigrationInterface {
  name = 'IndexSpentCredentials1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `refresh_tokens` ADD INDEX `ix_refresh_tokens_expires` (`expires_at`), ' +
        'ADD INDEX `ix_refresh_tokens_revoked` (`revoked_at`)',
    );
    await queryRunner.query(
      'ALTER TABLE `sessions` ADD INDEX `ix_sessions_expires` (`expires_at`), ' +
        'ADD INDEX `ix_sessions_ended` (`ended_at`)',
    );
    await queryRunner.query(
      'ALTER TABLE `account_tokens` ADD INDEX `ix_account_tokens_expires` (`expires_at`), ' +
        'ADD INDEX `ix_account_tokens_used` (`used_at`), ' +
        'ADD INDEX `ix_account_tokens_revoked` (`revoked_at`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `account_tokens` DROP INDEX `ix_account_tokens_revoked`, ' +
        'DROP INDEX `ix_account_tokens_used`, DROP INDEX `ix_account_tokens_expires`',
    );
    await queryRunner.query(
      'ALTER TABLE `sessions` DROP INDEX `ix_sessions_ended`, DROP INDEX `ix_sessions_expires`',
    );
    await queryRunner.query(
      'ALTER TABLE `refresh_tokens` DROP INDEX `ix_refresh_tokens_revoked`, ' +
        'DROP INDEX `ix_refresh_tokens_expires`',
    );
  }
}
