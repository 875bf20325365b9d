import { searchDocument } from '@lifelong/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 1000;

/**
 * `users.search_text`: folded, marked tokens of the name and email under a FULLTEXT index, so
 * administrators find "Nguyễn Văn A" from `nguyen van a` (the catalogue's folding, see
 * libs/common/src/text/search-terms.ts). Existing accounts are filled in here. `ix_users_name`
 * serves the directory's name order.
 */
export class AddUserSearchText1766000100000 implements MigrationInterface {
  name = 'AddUserSearchText1766000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `users` ADD `search_text` varchar(1500) NOT NULL DEFAULT '' AFTER `time_zone`",
    );
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(
        'SELECT `id`, `email`, `full_name` FROM `users` WHERE `id` > ? ORDER BY `id` LIMIT ?',
        [after, BATCH],
      )) as { id: string; email: string; full_name: string }[];
      for (const row of rows)
        await queryRunner.query('UPDATE `users` SET `search_text` = ? WHERE `id` = ?', [
          searchDocument([row.full_name, row.email]),
          row.id,
        ]);
      const last = rows[rows.length - 1];
      if (!last || rows.length < BATCH) break;
      after = last.id;
    }
    await queryRunner.query(
      'ALTER TABLE `users` ADD FULLTEXT INDEX `ix_users_search` (`search_text`)',
    );
    await queryRunner.query('ALTER TABLE `users` ADD INDEX `ix_users_name` (`full_name`, `id`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `users` DROP INDEX `ix_users_name`');
    await queryRunner.query('ALTER TABLE `users` DROP INDEX `ix_users_search`');
    await queryRunner.query('ALTER TABLE `users` DROP COLUMN `search_text`');
  }
}
