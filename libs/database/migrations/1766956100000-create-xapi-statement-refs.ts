import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statements whose object is a StatementRef, with the statement each targets (docs/xapi.md,
 * Querying): a query's filters other than time and paging also take a statement that targets
 * a matching one (xAPI 2.0, Communication 2.1.3). Few statements refer to others (voiding ones
 * chiefly), so reading this table newest first finds them without scanning the statements.
 * Statements stored before it are entered from their JSON.
 */
export class CreateXapiStatementRefs1766956100000 implements MigrationInterface {
  name = 'CreateXapiStatementRefs1766956100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`xapi_statement_refs\` (
        \`seq\` bigint UNSIGNED NOT NULL,
        \`target_statement_id\` binary(16) NOT NULL,
        PRIMARY KEY (\`seq\`),
        INDEX \`ix_xapi_statement_refs_target\` (\`target_statement_id\`)
      ) ENGINE=InnoDB`);
    await queryRunner.query(`
      INSERT INTO \`xapi_statement_refs\` (\`seq\`, \`target_statement_id\`)
      SELECT \`seq\`, UNHEX(REPLACE(JSON_VALUE(\`statement\`, '$.object.id'), '-', ''))
        FROM \`xapi_statements\`
       WHERE JSON_VALUE(\`statement\`, '$.object.objectType') = 'StatementRef'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `xapi_statement_refs`');
  }
}
