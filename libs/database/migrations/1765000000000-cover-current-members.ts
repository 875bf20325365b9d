import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The current members of a unit, with their user ids, read from the index alone: compliance
 * reports join a subtree's members to their assignments without a row look-up per person.
 */
export class CoverCurrentMembers1765000000000 implements MigrationInterface {
  name = 'CoverCurrentMembers1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `memberships` DROP INDEX `ix_memberships_org_unit`, ' +
        'ADD INDEX `ix_memberships_org_unit` (`org_unit_id`, `ended_at`, `user_id`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `memberships` DROP INDEX `ix_memberships_org_unit`, ' +
        'ADD INDEX `ix_memberships_org_unit` (`org_unit_id`, `ended_at`)',
    );
  }
}
