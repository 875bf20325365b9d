import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models the organizations lib publishes for reports that join many domains in one
 * statement (training's targets and compliance roll-ups): the org-unit tree and memberships,
 * read-only, in a shape organizations keeps stable whatever its tables become. MERGE views, so
 * a query through them runs on the tables' own indexes (the path range, the covering
 * `ix_memberships_org_unit`); INVOKER, so they read with the caller's rights.
 */
export class PublishOrganizationViews1766100000000 implements MigrationInterface {
  name = 'PublishOrganizationViews1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `org_units_view` AS ' +
        'SELECT `id`, `code`, `name`, `parent_id`, `path`, `depth` FROM `org_units`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `memberships_view` AS ' +
        'SELECT `user_id`, `org_unit_id`, `position`, `job_grade`, `ended_at`, `current_user_id` ' +
        'FROM `memberships`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW `memberships_view`');
    await queryRunner.query('DROP VIEW `org_units_view`');
  }
}
