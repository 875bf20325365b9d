import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for administration's user directory, user page and audit log, so it reads no other
 * lib's tables:
 * - `people_view` gains when an account was switched off and whether it has a password (the
 *   account status rule; the hash itself stays in `users`);
 * - `user_roles_view` publishes each person's grants;
 * - `memberships_view` gains each membership's id and start (the user page lists them);
 * - `staff_profiles_view` publishes each person's employee code;
 * - `training_assignments_view` and `training_requirements_view` publish a person's assignments
 *   and what each requires.
 * MERGE views with INVOKER rights, like the other read models, so a query through them runs on
 * the tables' own indexes (`ix_users_search`, `ix_users_name`, `uq_staff_profiles_employee_code`,
 * `ix_memberships_user`, `ix_training_assignments_user`).
 */
export class PublishAdministrationViews1766952000000 implements MigrationInterface {
  name = 'PublishAdministrationViews1766952000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `people_view` AS ' +
        'SELECT `id`, `full_name`, `email`, `search_text`, `deactivated_at`, ' +
        '`password_hash` IS NOT NULL AS `has_password` FROM `users`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `user_roles_view` AS ' +
        'SELECT `user_id`, `role`, `scope_type`, `scope_id` FROM `user_roles`',
    );
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `memberships_view` AS ' +
        'SELECT `id`, `user_id`, `org_unit_id`, `position`, `job_grade`, `started_at`, `ended_at`, ' +
        '`current_user_id` FROM `memberships`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `staff_profiles_view` AS ' +
        'SELECT `user_id`, `employee_code` FROM `staff_profiles`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `training_assignments_view` AS ' +
        'SELECT `id`, `requirement_id`, `user_id`, `enrollment_id`, `status`, `assigned_at`, ' +
        '`due_at`, `completed_at` FROM `training_assignments`',
    );
    await queryRunner.query(
      'CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `training_requirements_view` AS ' +
        'SELECT `id`, `title` FROM `training_requirements`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW `training_requirements_view`');
    await queryRunner.query('DROP VIEW `training_assignments_view`');
    await queryRunner.query('DROP VIEW `staff_profiles_view`');
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `memberships_view` AS ' +
        'SELECT `user_id`, `org_unit_id`, `position`, `job_grade`, `ended_at`, `current_user_id` ' +
        'FROM `memberships`',
    );
    await queryRunner.query('DROP VIEW `user_roles_view`');
    await queryRunner.query(
      'CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `people_view` AS ' +
        'SELECT `id`, `full_name`, `email`, `search_text` FROM `users`',
    );
  }
}
