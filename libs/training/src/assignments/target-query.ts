import { subtreePattern } from '@lifelong/organizations';
import type { RequirementRules } from '../requirements/requirement.rules';

/** A WHERE fragment and its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

type Target = Pick<
  RequirementRules,
  'orgUnitId' | 'includeDescendants' | 'positions' | 'jobGrades'
>;

/**
 * Who a requirement targets, as a condition on `memberships_view m JOIN org_units_view u` (the
 * read models organizations publishes): current members of the unit (or its subtree, one range
 * of the path index), narrowed to positions or job grades when the rules list them.
 */
export function targetCondition(rules: Target, unitPath: string): SqlCondition {
  const parts = ['m.`ended_at` IS NULL'];
  const params: unknown[] = [];
  if (rules.includeDescendants) {
    parts.push('u.`path` LIKE ?');
    params.push(subtreePattern(unitPath));
  } else {
    parts.push('u.`id` = ?');
    params.push(rules.orgUnitId);
  }
  if (rules.positions) {
    parts.push('m.`position` IN (?)');
    params.push(rules.positions);
  }
  if (rules.jobGrades) {
    parts.push('m.`job_grade` IN (?)');
    params.push(rules.jobGrades);
  }
  return { sql: parts.join(' AND '), params };
}

/** The members join every target condition reads. */
export const TARGET_FROM =
  'FROM `memberships_view` m JOIN `org_units_view` u ON u.`id` = m.`org_unit_id`';

/** The target, further narrowed to some people. */
export function narrowed(target: SqlCondition, userIds?: readonly string[]): SqlCondition {
  if (!userIds) return target;
  return { sql: `${target.sql} AND m.\`user_id\` IN (?)`, params: [...target.params, userIds] };
}
