import { subtreePattern } from '@lifelong/organizations';

/**
 * Compliance of the units of a subtree, each rolled up over its own subtree, in one statement,
 * from the maintained direct counts (`training_unit_counts`, kept by triggers on
 * `training_assignments`, see `UnitCounts`): first the subtree's units that have live
 * assignments (one range of the path index, one primary-key row each), then each reported unit
 * sums the rows whose path starts with its own. The cost follows the number of units, not of
 * assignments: a ministry with a million assignments reads its two thousand unit rows. A row
 * whose `assigned` is 0 is left out, as a unit without live assignments was when every
 * assignment was aggregated. `units` picks which units get a row: the whole subtree, or the
 * unit and its children. The tree is read through organizations' read model (a MERGE view).
 */
export function complianceQuery(
  rootPath: string,
  units: 'subtree' | 'unit-and-children',
  rootId: string,
): { sql: string; params: unknown[] } {
  const pattern = subtreePattern(rootPath);
  const which = units === 'subtree' ? 'c.`path` LIKE ?' : '(c.`id` = ? OR c.`parent_id` = ?)';
  const whichParams = units === 'subtree' ? [pattern] : [rootId, rootId];
  const sql = `
    WITH per_unit AS (
      SELECT u.\`path\` AS path, k.\`assigned\` AS assigned, k.\`completed\` AS completed,
        k.\`in_progress\` AS inProgress, k.\`overdue\` AS overdue, k.\`expired\` AS expired
      FROM \`org_units_view\` u
      JOIN \`training_unit_counts\` k ON k.\`org_unit_id\` = u.\`id\` AND k.\`assigned\` > 0
      WHERE u.\`path\` LIKE ?
    )
    SELECT c.\`id\` AS orgUnitId, c.\`parent_id\` AS parentId, c.\`code\`, c.\`name\`, c.\`depth\`,
      SUM(p.assigned) AS assigned, SUM(p.completed) AS completed,
      SUM(p.inProgress) AS inProgress, SUM(p.overdue) AS overdue, SUM(p.expired) AS expired
    FROM \`org_units_view\` c
    LEFT JOIN per_unit p ON p.path LIKE CONCAT(c.\`path\`, '%')
    WHERE ${which}
    GROUP BY c.\`id\`, c.\`parent_id\`, c.\`code\`, c.\`name\`, c.\`depth\`, c.\`path\`
    ORDER BY c.\`path\``;
  return { sql, params: [pattern, ...whichParams] };
}
