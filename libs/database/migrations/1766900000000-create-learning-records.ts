import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The xAPI Learning Record Store (docs/xapi.md). `lrs_clients` holds the credentials
 * administrators issue (the secret argon2id-hashed). `xapi_statements` keeps each statement as
 * stored, immutable, with `seq` as the stored order (paging) and the filters' keys in columns:
 * 16-byte hashes of the verb IRI, the object activity IRI and the actor's identifier, and the
 * registration, so no query reads the JSON. `xapi_statement_links` indexes the agents and
 * activities a statement names, for `agent` and the `related_*` filters: one index range per
 * filter, in stored order.
 */
export class CreateLearningRecords1766900000000 implements MigrationInterface {
  name = 'CreateLearningRecords1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`lrs_clients\` (
        \`id\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`name\` varchar(200) NOT NULL,
        \`api_key\` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`secret_hash\` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`read_scope\` varchar(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`may_write\` tinyint NOT NULL,
        \`created_by\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`created_at\` datetime(3) NOT NULL,
        \`revoked_at\` datetime(3) NULL,
        PRIMARY KEY (\`id\`),
        UNIQUE INDEX \`uq_lrs_clients_api_key\` (\`api_key\`),
        INDEX \`ix_lrs_clients_created_at\` (\`created_at\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`
      CREATE TABLE \`xapi_statements\` (
        \`seq\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
        \`statement_id\` binary(16) NOT NULL,
        \`client_id\` varchar(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`actor_hash\` binary(16) NULL,
        \`verb_hash\` binary(16) NOT NULL,
        \`activity_hash\` binary(16) NULL,
        \`registration\` binary(16) NULL,
        \`voids_statement_id\` binary(16) NULL,
        \`voided\` tinyint NOT NULL DEFAULT 0,
        \`stored\` datetime(3) NOT NULL,
        \`timestamp\` datetime(3) NOT NULL,
        \`content_hash\` binary(32) NOT NULL,
        \`statement\` mediumtext NOT NULL,
        PRIMARY KEY (\`seq\`),
        UNIQUE INDEX \`uq_xapi_statements_statement_id\` (\`statement_id\`),
        INDEX \`ix_xapi_statements_client\` (\`client_id\`, \`seq\`),
        INDEX \`ix_xapi_statements_actor\` (\`actor_hash\`, \`seq\`),
        INDEX \`ix_xapi_statements_verb\` (\`verb_hash\`, \`seq\`),
        INDEX \`ix_xapi_statements_activity\` (\`activity_hash\`, \`seq\`),
        INDEX \`ix_xapi_statements_registration\` (\`registration\`, \`seq\`),
        INDEX \`ix_xapi_statements_stored\` (\`stored\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await queryRunner.query(`
      CREATE TABLE \`xapi_statement_links\` (
        \`kind\` tinyint UNSIGNED NOT NULL,
        \`target_hash\` binary(16) NOT NULL,
        \`seq\` bigint UNSIGNED NOT NULL,
        PRIMARY KEY (\`kind\`, \`target_hash\`, \`seq\`),
        INDEX \`ix_xapi_statement_links_seq\` (\`seq\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `xapi_statement_links`');
    await queryRunner.query('DROP TABLE `xapi_statements`');
    await queryRunner.query('DROP TABLE `lrs_clients`');
  }
}
