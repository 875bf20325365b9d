import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Courses backfilled per statement. */
const BATCH = 1_000;

/**
 * The catalogue's word table: one row per distinct folded word of a course's search document
 * (title, summary, tags), written in the transaction that writes `courses.search_text`.
 *
 * Why beside the FULLTEXT index: InnoDB answers a boolean-mode query by reading every posting of
 * every word, so a broad search ("hoc tap": "học" is in nearly every course) costs the whole
 * catalogue at each request, and its relevance is flat anyway (every word required, each stored
 * once). With the words in a B-tree, a broad search walks the catalogue newest first and checks
 * each word by primary key, stopping at the page; a narrow one starts from its rarest word.
 * Publishing and archiving change `courses.status` only, so results follow them at once.
 */
export class CreateCourseSearchTerms1766800000000 implements MigrationInterface {
  name = 'CreateCourseSearchTerms1766800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`course_search_terms\` (
        \`course_id\` char(36) NOT NULL,
        \`term\` varchar(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        PRIMARY KEY (\`course_id\`, \`term\`),
        INDEX \`ix_course_search_terms_term\` (\`term\`, \`course_id\`),
        CONSTRAINT \`fk_course_search_terms_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // `search_text` already holds the folded words, each behind the two-letter marker "zq".
    let after = '';
    for (;;) {
      const rows = (await queryRunner.query(
        'SELECT `id`, `search_text` AS searchText FROM `courses` WHERE `id` > ? ORDER BY `id` LIMIT ?',
        [after, BATCH],
      )) as { id: string; searchText: string }[];
      if (rows.length === 0) break;
      const terms = rows.flatMap((row) =>
        [...new Set(row.searchText.split(' ').filter((word) => word.startsWith('zq')))].map(
          (word) => [row.id, word.slice(2)],
        ),
      );
      if (terms.length)
        await queryRunner.query(
          'INSERT IGNORE INTO `course_search_terms` (`course_id`, `term`) VALUES ?',
          [terms],
        );
      after = rows[rows.length - 1]!.id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `course_search_terms`');
  }
}
