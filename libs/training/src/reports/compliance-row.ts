import { compliantPercent } from '../requirements/requirement.rules';

/** One unit's figures, rolled up over its subtree. */
export interface ComplianceRow {
  orgUnitId: string;
  parentId: string | null;
  code: string;
  name: string;
  depth: number;
  assigned: number;
  completed: number;
  inProgress: number;
  overdue: number;
  expired: number;
  compliantPercent: number;
}

/** A raw aggregate row as MariaDB returns it (sums may come back as strings). */
export interface RawComplianceRow {
  orgUnitId: string;
  parentId: string | null;
  code: string;
  name: string;
  depth: number | string;
  assigned: number | string | null;
  completed: number | string | null;
  inProgress: number | string | null;
  overdue: number | string | null;
  expired: number | string | null;
}

export function toComplianceRow(raw: RawComplianceRow): ComplianceRow {
  const count = (value: number | string | null): number => Number(value ?? 0);
  const [assigned, completed] = [count(raw.assigned), count(raw.completed)];
  return {
    orgUnitId: raw.orgUnitId,
    parentId: raw.parentId,
    code: raw.code,
    name: raw.name,
    depth: Number(raw.depth),
    assigned,
    completed,
    inProgress: count(raw.inProgress),
    overdue: count(raw.overdue),
    expired: count(raw.expired),
    compliantPercent: compliantPercent(completed, assigned),
  };
}

/** The CSV's columns, in order. */
export const COMPLIANCE_CSV_COLUMNS = [
  'orgUnitId',
  'code',
  'name',
  'depth',
  'assigned',
  'completed',
  'inProgress',
  'overdue',
  'expired',
  'compliantPercent',
] as const;
