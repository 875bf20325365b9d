import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The figures a unit's row holds, and the status each counts (`assigned` counts every one). */
const FIGURES: readonly (readonly [column: string, status: string | null])[] = [
  ['assigned', null],
  ['completed', 'completed'],
  ['in_progress', 'in_progress'],
  ['overdue', 'overdue'],
  ['expired', 'expired'],
];

/** What a row of `training_assignments` (`OLD` or `NEW`) adds to its person's unit: 0 or 1 each. */
const share = (row: 'OLD' | 'NEW', status: string | null): string =>
  status === null
    ? `(${row}.\`closed_at\` IS NULL)`
    : `(${row}.\`closed_at\` IS NULL AND ${row}.\`status\` = '${status}')`;

/**
 * Adds `deltas` (SQL expressions, one per figure) to the row of the person's current unit. The
 * membership row is read with a shared lock, so a concurrent move of that person waits for this
 * write (and the recount after the move sees it). No current unit: counted nowhere, like the
 * report, which counts current members only.
 */
const addToUnitOf = (userId: string, deltas: readonly string[]): string => `
  INSERT INTO \`training_unit_counts\` (\`org_unit_id\`, ${FIGURES.map(([column]) => `\`${column}\``).join(', ')})
  SELECT m.\`org_unit_id\`, ${deltas.join(', ')}
  FROM \`memberships_view\` m WHERE m.\`current_user_id\` = ${userId} AND m.\`ended_at\` IS NULL
  LOCK IN SHARE MODE
  ON DUPLICATE KEY UPDATE ${FIGURES.map(([column]) => `\`${column}\` = \`${column}\` + VALUES(\`${column}\`)`).join(', ')}`;

/**
 * Direct compliance counts per org unit: how many live (`closed_at IS NULL`) assignments the
 * unit's current members have, in all and by status. The compliance report sums these rows over
 * a subtree by path instead of aggregating every assignment of every member at each request;
 * a unit moving in the tree changes no count (its row keeps its direct figures).
 *
 * Triggers keep the counts exact in the statement that changes an assignment, whichever writer
 * it is (the set-based sync and deadline scan, renewals, completion, the demo seeder, a hand
 * fix): there is no write path that can forget them. A person's move between units is not an
 * assignment change: `training.sync-people` (from `organizations.memberships-changed`) recounts
 * the units involved, and `training.reconcile-counts` recounts drifted units nightly.
 */
export class CreateTrainingUnitCounts1766630000000 implements MigrationInterface {
  name = 'CreateTrainingUnitCounts1766630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE \`training_unit_counts\` (
        \`org_unit_id\` char(36) NOT NULL,
        \`assigned\` int NOT NULL DEFAULT 0,
        \`completed\` int NOT NULL DEFAULT 0,
        \`in_progress\` int NOT NULL DEFAULT 0,
        \`overdue\` int NOT NULL DEFAULT 0,
        \`expired\` int NOT NULL DEFAULT 0,
        PRIMARY KEY (\`org_unit_id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(
      `INSERT INTO \`training_unit_counts\` (\`org_unit_id\`, ${FIGURES.map(([column]) => `\`${column}\``).join(', ')})
       SELECT m.\`org_unit_id\`, ${FIGURES.map(([, status]) => `SUM(${share('NEW', status).replaceAll('NEW.', 'a.')})`).join(', ')}
       FROM \`memberships_view\` m
       JOIN \`training_assignments\` a ON a.\`user_id\` = m.\`user_id\` AND a.\`closed_at\` IS NULL
       WHERE m.\`ended_at\` IS NULL
       GROUP BY m.\`org_unit_id\``,
    );
    await queryRunner.query(
      `CREATE TRIGGER \`trg_training_assignments_count_insert\` AFTER INSERT ON \`training_assignments\`
       FOR EACH ROW BEGIN
         IF NEW.\`closed_at\` IS NULL THEN ${addToUnitOf(
           'NEW.`user_id`',
           FIGURES.map(([, status]) => share('NEW', status)),
         )};
         END IF;
       END`,
    );
    // One upsert with the difference when the person stays the same (every writer today); a
    // change that touches no counted column (due date, version, certificate) writes nothing.
    await queryRunner.query(
      `CREATE TRIGGER \`trg_training_assignments_count_update\` AFTER UPDATE ON \`training_assignments\`
       FOR EACH ROW BEGIN
         IF NEW.\`user_id\` <> OLD.\`user_id\` THEN ${addToUnitOf(
           'OLD.`user_id`',
           FIGURES.map(([, status]) => `-${share('OLD', status)}`),
         )}; ${addToUnitOf(
           'NEW.`user_id`',
           FIGURES.map(([, status]) => share('NEW', status)),
         )};
         ELSEIF NOT (NEW.\`status\` <=> OLD.\`status\` AND NEW.\`closed_at\` <=> OLD.\`closed_at\`)
           AND (NEW.\`closed_at\` IS NULL OR OLD.\`closed_at\` IS NULL) THEN ${addToUnitOf(
             'NEW.`user_id`',
             FIGURES.map(([, status]) => `${share('NEW', status)} - ${share('OLD', status)}`),
           )};
         END IF;
       END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER \`trg_training_assignments_count_delete\` AFTER DELETE ON \`training_assignments\`
       FOR EACH ROW BEGIN
         IF OLD.\`closed_at\` IS NULL THEN ${addToUnitOf(
           'OLD.`user_id`',
           FIGURES.map(([, status]) => `-${share('OLD', status)}`),
         )};
         END IF;
       END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await queryRunner.query(`DROP TRIGGER \`trg_training_assignments_count_${event}\``);
    await queryRunner.query('DROP TABLE `training_unit_counts`');
  }
}
