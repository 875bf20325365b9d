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
 * assignments always was). `rolled` adds each row to every ancestor it has within the subtree:
 * a path is the ids from the root down (`/<root id>/…/<own id>/`), so the ancestor at depth n
 * is the path's n-th id, and one grouping by that id sums every unit's subtree at once, rather
 * than comparing every unit's path with every other's. `units` picks which units get a row: the
 * whole subtree (down to the deepest level), or the unit and its children (two levels). The
 * tree is read through organizations' read model (a MERGE view).
 */
export function complianceQuery(
  rootPath: string,
  units: 'subtree' | 'unit-and-children',
  rootId: string,
): { sql: string; params: unknown[] } {
  const pattern = subtreePattern(rootPath);
  const rootDepth = idsOnPath(rootPath).length;
  const deepest = units === 'subtree' ? MAX_TREE_DEPTH : rootDepth + 1;
  const depths = Array.from(
    { length: deepest - rootDepth + 1 },
    (_, i) => `SELECT ${rootDepth + i} AS n`,
  ).join(' UNION ALL ');
  const which = units === 'subtree' ? 'c.`path` LIKE ?' : '(c.`id` = ? OR c.`parent_id` = ?)';
  const whichParams = units === 'subtree' ? [pattern] : [rootId, rootId];
  const sql = `
    WITH per_unit AS (
      SELECT u.\`path\` AS path, u.\`depth\` AS depth, k.\`assigned\` AS assigned,
        k.\`completed\` AS completed, k.\`in_progress\` AS inProgress, k.\`overdue\` AS overdue,
        k.\`expired\` AS expired
      FROM \`org_units_view\` u
      JOIN \`training_unit_counts\` k ON k.\`org_unit_id\` = u.\`id\` AND k.\`assigned\` > 0
      WHERE u.\`path\` LIKE ?
    ),
    rolled AS (
      SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(p.path, '/', d.n + 1), '/', -1) AS unitId,
        SUM(p.assigned) AS assigned, SUM(p.completed) AS completed,
        SUM(p.inProgress) AS inProgress, SUM(p.overdue) AS overdue, SUM(p.expired) AS expired
      FROM per_unit p JOIN (${depths}) d ON d.n <= p.depth
      GROUP BY unitId
    )
    SELECT c.\`id\` AS orgUnitId, c.\`parent_id\` AS parentId, c.\`code\`, c.\`name\`, c.\`depth\`,
      r.assigned, r.completed, r.inProgress, r.overdue, r.expired
    FROM \`org_units_view\` c
    LEFT JOIN rolled r ON r.unitId = c.\`id\`
    WHERE ${which}
    ORDER BY c.\`path\``;
  return { sql, params: [pattern, ...whichParams] };
}
