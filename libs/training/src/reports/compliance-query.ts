import { idsOnPath, MAX_TREE_DEPTH, subtreePattern } from '@lifelong/organizations';

/**
 * Compliance of the units of a subtree, each rolled up over its own subtree, in one statement,
 * from the maintained direct counts (`training_unit_counts`, kept by triggers on
 * `training_assignments`, see `UnitCounts`) instead of every assignment of every member: the
 * cost follows the number of units, not of assignments (a ministry with a million assignments
 * reads its two thousand unit rows).
 *
 * `per_unit` reads the subtree's units that have live assignments (one range of the path index,
 * one primary-key row each; a row whose `assigned` is 0 is left out, as a unit without live
 * assignments always was). `rolled` adds each row to its ancestors within the subtree: a path
 * is the ids from the root down (`/<root id>/…/<own id>/`), so the ancestor at depth n is the
 * path's n-th id, and one grouping by that id sums every unit's subtree at once, rather than
 * comparing every unit's path with every other's. `units` picks which units get a row: the
 * whole subtree (each row joined to every depth it has), or the unit and its children (each
 * row grouped by its child-level id, the unit's own total being the grouping's roll-up row).
 * The id is cast to the unit key's type so the join to the units finds it by key. The tree is
 * read through organizations' read model (a MERGE view).
 */
export function complianceQuery(
  rootPath: string,
  units: 'subtree' | 'unit-and-children',
  rootId: string,
): { sql: string; params: unknown[] } {
  const pattern = subtreePattern(rootPath);
  const rootDepth = idsOnPath(rootPath).length;
  const idAt = (depth: string): string =>
    `CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(p.path, '/', ${depth} + 1), '/', -1) AS CHAR(36) CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci`;
  const sums =
    'SUM(p.assigned) AS assigned, SUM(p.completed) AS completed, SUM(p.inProgress) AS inProgress, ' +
    'SUM(p.overdue) AS overdue, SUM(p.expired) AS expired';
  const depths = Array.from(
    { length: MAX_TREE_DEPTH - rootDepth + 1 },
    (_, i) => `SELECT ${rootDepth + i} AS n`,
  ).join(' UNION ALL ');
  const shape =
    units === 'subtree'
      ? {
          rolled: `SELECT ${idAt('d.n')} AS unitId, ${sums}
            FROM per_unit p JOIN (${depths}) d ON d.n <= p.depth GROUP BY unitId`,
          on: 'r.unitId = c.`id`',
          which: 'c.`path` LIKE ?',
          params: [pattern],
        }
      : {
          rolled: `SELECT ${idAt(String(rootDepth + 1))} AS unitId, ${sums}
            FROM per_unit p GROUP BY unitId WITH ROLLUP`,
          on: 'r.unitId <=> NULLIF(c.`id`, ?)',
          which: '(c.`id` = ? OR c.`parent_id` = ?)',
          params: [rootId, rootId, rootId],
        };
  const sql = `
    WITH per_unit AS (
      SELECT u.\`path\` AS path, u.\`depth\` AS depth, k.\`assigned\` AS assigned,
        k.\`completed\` AS completed, k.\`in_progress\` AS inProgress, k.\`overdue\` AS overdue,
        k.\`expired\` AS expired
      FROM \`org_units_view\` u
      JOIN \`training_unit_counts\` k ON k.\`org_unit_id\` = u.\`id\` AND k.\`assigned\` > 0
      WHERE u.\`path\` LIKE ?
    ),
    rolled AS (${shape.rolled})
    SELECT c.\`id\` AS orgUnitId, c.\`parent_id\` AS parentId, c.\`code\`, c.\`name\`, c.\`depth\`,
      r.assigned, r.completed, r.inProgress, r.overdue, r.expired
    FROM \`org_units_view\` c
    LEFT JOIN rolled r ON ${shape.on}
    WHERE ${shape.which}
    ORDER BY c.\`path\``;
  return { sql, params: [pattern, ...shape.params] };
}
