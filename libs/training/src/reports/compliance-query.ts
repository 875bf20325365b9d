import { subtreePattern } from '@lifelong/organizations';

/**
 * Compliance of the units of a subtree, each rolled up over its own subtree, in one statement:
 * first the live assignments of current members counted per unit (one range of the path index,
 * one pass over the assignments), then each reported unit sums the per-unit counts whose path
 * starts with its own. `units` picks which units get a row: the whole subtree, or the unit and
 * its children. Grouping by the path alone (unique per unit) follows the order the path index
 * yields the units in, so the counts stream out without a temporary table; the joins read
 * covering indexes only (`ix_memberships_org_unit`, `ix_training_assignments_live`). The tree
 * and the members are read through organizations' read models (MERGE views over its tables).
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
      SELECT u.\`path\` AS path,
        COUNT(*) AS assigned,
        SUM(a.\`status\` = 'completed') AS completed,
        SUM(a.\`status\` = 'in_progress') AS inProgress,
        SUM(a.\`status\` = 'overdue') AS overdue,
        SUM(a.\`status\` = 'expired') AS expired
      FROM \`org_units_view\` u
      JOIN \`memberships_view\` m ON m.\`org_unit_id\` = u.\`id\` AND m.\`ended_at\` IS NULL
      JOIN \`training_assignments\` a ON a.\`user_id\` = m.\`user_id\` AND a.\`closed_at\` IS NULL
      WHERE u.\`path\` LIKE ?
      GROUP BY u.\`path\`
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
