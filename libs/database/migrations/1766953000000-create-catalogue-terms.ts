import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's walk table: for each published course only, one row per key it is found by,
 * in the order the catalogue lists it (`published_at` newest first, then id): each distinct
 * folded word of its search document, each tag (`#` + tag key), its facility (`@` + id) and the
 * empty key (every listed course). The facility rides in every row, so a subtree or a facility
 * kind is checked in the row walked. `catalogue_term_counts` holds how many listed courses each
 * key has: a search walks the key that reaches its page soonest and checks the other words by
 * primary key (docs/operations.md, "National catalogue").
 *
 * Written in the transaction that publishes, archives or edits the course, so the catalogue is
 * right the moment it commits. Words are letters and digits only, so `#`, `@` and the empty key
 * never meet a word.
 */
export class CreateCatalogueTerms1766953000000 implements MigrationInterface {
  name = 'CreateCatalogueTerms1766953000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`catalogue_terms\` (
        \`term\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        \`published_at\` datetime(3) NOT NULL,
        \`course_id\` char(36) NOT NULL,
        \`facility_id\` char(36) NOT NULL,
        PRIMARY KEY (\`term\`, \`published_at\`, \`course_id\`),
        INDEX \`ix_catalogue_terms_course\` (\`course_id\`),
        CONSTRAINT \`fk_catalogue_terms_course\` FOREIGN KEY (\`course_id\`) REFERENCES \`courses\` (\`id\`) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`catalogue_term_counts\` (
        \`term\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        \`courses\` int NOT NULL,
        PRIMARY KEY (\`term\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    const listed =
      "SELECT c.`id`, c.`published_at`, c.`facility_id` FROM `courses` c WHERE c.`status` = 'published'";
    await queryRunner.query(
      `INSERT INTO \`catalogue_terms\` (\`term\`, \`published_at\`, \`course_id\`, \`facility_id\`)
       SELECT s.\`term\`, c.\`published_at\`, c.\`id\`, c.\`facility_id\` FROM (${listed}) c JOIN \`course_search_terms\` s ON s.\`course_id\` = c.\`id\`
       UNION ALL SELECT CONCAT('#', t.\`tag_key\`), c.\`published_at\`, c.\`id\`, c.\`facility_id\` FROM (${listed}) c JOIN \`course_tags\` t ON t.\`course_id\` = c.\`id\`
       UNION ALL SELECT CONCAT('@', c.\`facility_id\`), c.\`published_at\`, c.\`id\`, c.\`facility_id\` FROM (${listed}) c
       UNION ALL SELECT '', c.\`published_at\`, c.\`id\`, c.\`facility_id\` FROM (${listed}) c`,
    );
    await queryRunner.query(
      'INSERT INTO `catalogue_term_counts` (`term`, `courses`) SELECT `term`, COUNT(*) FROM `catalogue_terms` GROUP BY `term`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `catalogue_term_counts`');
    await queryRunner.query('DROP TABLE `catalogue_terms`');
  }
}
