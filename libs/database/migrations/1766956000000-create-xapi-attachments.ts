import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contents of xAPI attachments sent in a statement request's multipart parts
 * (docs/xapi.md, Attachments), kept once per SHA-2 however many statements name them: the
 * statements' JSON keeps the metadata, this table the bytes. Kept in the database, not the
 * media storage, so a statement and its attachments commit together or not at all.
 */
export class CreateXapiAttachments1766956000000 implements MigrationInterface {
  name = 'CreateXapiAttachments1766956000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`xapi_attachments\` (
        \`sha2\` varchar(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`content_type\` varchar(255) NOT NULL,
        \`length\` int UNSIGNED NOT NULL,
        \`content\` longblob NOT NULL,
        \`stored_at\` datetime(3) NOT NULL,
        PRIMARY KEY (\`sha2\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `xapi_attachments`');
  }
}
