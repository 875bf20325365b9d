import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The xAPI document resources (docs/xapi.md): activity state, activity profiles and agent
 * profiles. `document_key` is a SHA-256 of what names a document (its kind, activity, agent,
 * registration and id), `scope_key` a 16-byte prefix of the same without the id, so listing or
 * deleting a scope's documents is one index range. `etag` is the SHA-1 of the content.
 */
export class CreateXapiDocuments1766900100000 implements MigrationInterface {
  name = 'CreateXapiDocuments1766900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`xapi_documents\` (
        \`document_key\` binary(32) NOT NULL,
        \`scope_key\` binary(16) NOT NULL,
        \`document_id\` varchar(255) COLLATE utf8mb4_bin NOT NULL,
        \`client_id\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`content_type\` varchar(255) NOT NULL,
        \`content\` mediumblob NOT NULL,
        \`etag\` char(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`updated\` datetime(3) NOT NULL,
        PRIMARY KEY (\`document_key\`),
        INDEX \`ix_xapi_documents_scope\` (\`scope_key\`, \`updated\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `xapi_documents`');
  }
}
