import {
  INDICATOR_CODES,
  type IndicatorCode,
  REPORTED_INDICATOR_CODES,
} from '../indicators/indicator-catalogue';
import type { Period } from '../indicators/period';

/**
 * The set-based statements that compute the stored figures from the read models other domains
 * publish (`admin_units_view`, `facilities_view`, `courses_view`, `enrollments_view`,
 * `enrollment_certificates_view`, `broadcasts_view`, `broadcast_attendances_view`; and, for the
 * trained civil servants, `org_units_view`, `memberships_view`, `training_assignments_view`).
 * Each groups by administrative-unit subtree (`anc`, every
 * unit whose path prefixes the facility's unit) or by the whole country (`''`), and by facility
 * type or across types (`''`). Distinct learners are counted per group, never summed, so a
 * learner of two facilities counts once in the province above them.
 */

/** The columns of `monitoring_figures` each cell stores: every figure but the derived rate. */
export const STORED_FIGURES = INDICATOR_CODES.filter(
  (code): code is Exclude<IndicatorCode, 'completion_rate'> => code !== 'completion_rate',
);

/** Every facility type. */
export interface AllTypes {
  all: true;
}

/** Which cells a computation covers. */
export interface CellScope {
  period: Period;
  /** Subtree roots to compute ('' is the whole country), or every unit and the country. */
  unitIds: readonly string[] | 'all';
  /** One facility type (and the all-types cells), or every type (`{ all: true }`). */
  facilityType: string | AllTypes;
  /** Only these measures (the cells' other figures stay as stored); every measure without. */
  measures?: readonly MeasureName[];
}

/** One computed row: a cell key and some of its measures. */
export interface MeasureRow {
  unitId: string;
  facilityType: string;
  [measure: string]: string | number | null;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const ENROLLMENT_IN_PERIOD = '(e.`enrolled_at` >= ? AND e.`enrolled_at` < ?)';
const COMPLETION_IN_PERIOD = '(e.`completed_at` >= ? AND e.`completed_at` < ?)';
/** The enrollment statuses that hold a seat (withdrawn and waitlisted learners do not count). */
const SEATED = "e.`status` IN ('active', 'completed')";

interface Measure {
  select: (range: unknown[]) => Statement;
  from: string;
  where: (range: unknown[], period: Period, now: Date) => Statement;
  /** Placed by facility (per subtree and type, the default) or for the whole country only. */
  placed?: 'country';
}

/**
 * The instant a stock figure is taken at: the period's last millisecond, or now while the
 * period runs; null for a period not begun.
 */
const cutoffOf = (period: Period, now: Date): Date | null =>
  period.start > now ? null : new Date(Math.min(period.end.getTime() - 1, now.getTime()));

/** The levels of agency the trained civil servants are counted by (organizations' levels). */
const AGENCY_LEVELS = ['central', 'province', 'district', 'commune'] as const;

/** The year a yearly period stands for; null for a quarter. */
const yearOf = (period: Period): number | null =>
  /^\d{4}$/.test(period.code) ? Number(period.code) : null;

const MEASURES: Record<
  'activity' | 'certificates' | 'facilities' | 'airings' | 'attendances' | 'reported' | 'trained',
  Measure
> = {
  activity: {
    select: (range) => ({
      sql:
        'COUNT(DISTINCT e.`user_id`) AS learners, ' +
        `COALESCE(SUM(${ENROLLMENT_IN_PERIOD}), 0) AS enrollments, ` +
        `COALESCE(SUM(${COMPLETION_IN_PERIOD}), 0) AS completions, ` +
        'COUNT(DISTINCT f.`id`) AS active_facilities, ' +
        `COALESCE(SUM(CASE WHEN ${COMPLETION_IN_PERIOD} THEN c.\`hours\` END), 0) AS learning_hours`,
      params: [...range, ...range, ...range],
    }),
    from:
      'FROM `facilities_view` f JOIN `courses_view` c ON c.`facility_id` = f.`id` ' +
      'JOIN `enrollments_view` e ON e.`course_id` = c.`id`',
    where: (range) => ({
      sql: `${SEATED} AND (${ENROLLMENT_IN_PERIOD} OR ${COMPLETION_IN_PERIOD})`,
      params: [...range, ...range],
    }),
  },
  certificates: {
    select: () => ({ sql: 'COUNT(*) AS certificates_issued', params: [] }),
    from:
      'FROM `facilities_view` f JOIN `courses_view` c ON c.`facility_id` = f.`id` ' +
      'JOIN `enrollments_view` e ON e.`course_id` = c.`id` ' +
      'JOIN `enrollment_certificates_view` ec ON ec.`enrollment_id` = e.`id`',
    where: (range) => ({ sql: 'ec.`issued_at` >= ? AND ec.`issued_at` < ?', params: range }),
  },
  facilities: {
    select: () => ({ sql: 'COUNT(*) AS facilities', params: [] }),
    from: 'FROM `facilities_view` f',
    where: (range) => ({ sql: 'f.`created_at` < ?', params: [range[1]] }),
  },
  // A television lesson airs for its course's facility; a cancelled airing does not count.
  airings: {
    select: () => ({ sql: 'COUNT(*) AS television_airings', params: [] }),
    from:
      'FROM `facilities_view` f JOIN `courses_view` c ON c.`facility_id` = f.`id` ' +
      'JOIN `broadcasts_view` b ON b.`course_id` = c.`id`',
    where: (range) => ({
      sql: "b.`status` <> 'cancelled' AND b.`starts_at` >= ? AND b.`starts_at` < ?",
      params: range,
    }),
  },
  // Attendances in the period they were recorded: by code (alone) or by a facilitator (group).
  attendances: {
    select: () => ({
      sql:
        "COALESCE(SUM(a.`method` = 'code'), 0) AS television_attendances, " +
        "COALESCE(SUM(a.`method` = 'group'), 0) AS television_group_attendances",
      params: [],
    }),
    from:
      'FROM `facilities_view` f JOIN `courses_view` c ON c.`facility_id` = f.`id` ' +
      'JOIN `broadcasts_view` b ON b.`course_id` = c.`id` ' +
      'JOIN `broadcast_attendances_view` a ON a.`broadcast_id` = b.`id`',
    where: (range) => ({ sql: 'a.`recorded_at` >= ? AND a.`recorded_at` < ?', params: range }),
  },
  // Accepted yearly facility reports, per indicator their fields feed; a quarter has none.
  reported: {
    select: () => ({
      sql: REPORTED_INDICATOR_CODES.map(
        (code) =>
          `COALESCE(SUM(CASE WHEN rv.\`indicator\` = '${code}' THEN rv.\`value\` END), 0) AS ${code}`,
      ).join(', '),
      params: [],
    }),
    from: 'FROM `facilities_view` f JOIN `monitoring_reported_values` rv ON rv.`facility_id` = f.`id`',
    where: (_range, period) => {
      const year = yearOf(period);
      return year === null
        ? { sql: '1 = 0', params: [] }
        : { sql: 'rv.`year` = ?', params: [year] };
    },
  },
  // Civil servants trained to standard at the cutoff, by the level of their agency: the nearest
  // unit at or above their unit that has a level (`lv`, no deeper one with a level between).
  // Their membership then, a valid completion then, and nothing overdue then.
  trained: {
    select: () => ({
      sql: AGENCY_LEVELS.map(
        (level) =>
          `COUNT(DISTINCT CASE WHEN lv.\`level\` = '${level}' THEN m.\`user_id\` END) AS trained_civil_servants_${level}`,
      ).join(', '),
      params: [],
    }),
    from:
      'FROM `memberships_view` m JOIN `org_units_view` u ON u.`id` = m.`org_unit_id` ' +
      "JOIN `org_units_view` lv ON lv.`level` IS NOT NULL AND u.`path` LIKE CONCAT(lv.`path`, '%')",
    where: (_range, period, now) => {
      const at = cutoffOf(period, now);
      if (at === null) return { sql: '1 = 0', params: [] };
      return {
        sql:
          'm.`started_at` <= ? AND (m.`ended_at` IS NULL OR m.`ended_at` > ?) ' +
          'AND NOT EXISTS (SELECT 1 FROM `org_units_view` d WHERE d.`level` IS NOT NULL ' +
          "AND u.`path` LIKE CONCAT(d.`path`, '%') AND d.`depth` > lv.`depth`) " +
          'AND EXISTS (SELECT 1 FROM `training_assignments_view` a WHERE a.`user_id` = m.`user_id` ' +
          'AND a.`completed_at` <= ? AND (a.`expires_at` IS NULL OR a.`expires_at` > ?)) ' +
          'AND NOT EXISTS (SELECT 1 FROM `training_assignments_view` a ' +
          'WHERE a.`user_id` = m.`user_id` AND a.`assigned_at` <= ? AND a.`due_at` < ? ' +
          'AND (a.`completed_at` IS NULL OR a.`completed_at` > ?) ' +
          'AND (a.`closed_at` IS NULL OR a.`closed_at` > ?))',
        params: [at, at, at, at, at, at, at, at],
      };
    },
    placed: 'country',
  },
};

export type MeasureName = keyof typeof MEASURES;

export const MEASURE_NAMES = Object.keys(MEASURES) as MeasureName[];

/** The stored figures each measure computes. */
export const MEASURE_COLUMNS: Record<MeasureName, readonly (typeof STORED_FIGURES)[number][]> = {
  activity: ['learners', 'enrollments', 'completions', 'active_facilities', 'learning_hours'],
  certificates: ['certificates_issued'],
  facilities: ['facilities'],
  airings: ['television_airings'],
  attendances: ['television_attendances', 'television_group_attendances'],
  reported: ['offline_classes', 'offline_class_learners'],
  trained: AGENCY_LEVELS.map((level) => `trained_civil_servants_${level}` as const),
};

/**
 * The statements computing one measure for a scope: per subtree and per country, each per type
 * and across types. Four statements, each one pass over the period's rows.
 */
export function measureStatements(
  measure: keyof typeof MEASURES,
  scope: CellScope,
  now: Date,
): Statement[] {
  const { select, from, where, placed } = MEASURES[measure];
  const range = [scope.period.start, scope.period.end];
  const statements: Statement[] = [];
  if (placed === 'country') {
    // Not about facilities: only the country's all-types cell holds it (zero elsewhere).
    if (scope.unitIds !== 'all' && !scope.unitIds.includes('')) return [];
    const chosen = select(range);
    const condition = where(range, scope.period, now);
    return [
      {
        sql: `SELECT '' AS unitId, '' AS facilityType, ${chosen.sql} ${from} WHERE ${condition.sql}`,
        params: [...chosen.params, ...condition.params],
      },
    ];
  }
  const subtrees = scope.unitIds === 'all' ? 'all' : scope.unitIds.filter((id) => id !== '');
  const country = scope.unitIds === 'all' || scope.unitIds.includes('');
  for (const byType of [true, false]) {
    const typeColumn = byType ? 'f.`type`' : "''";
    const oneType = typeof scope.facilityType === 'string' ? scope.facilityType : null;
    const typeFilter = byType && oneType !== null ? ' AND f.`type` = ?' : '';
    const typeParams = typeFilter ? [oneType] : [];
    const chosen = select(range);
    const condition = where(range, scope.period, now);
    if (subtrees === 'all' || subtrees.length > 0) {
      const unitFilter = subtrees === 'all' ? '' : ' AND anc.`id` IN (?)';
      statements.push({
        sql:
          `SELECT anc.\`id\` AS unitId, ${typeColumn} AS facilityType, ${chosen.sql} ${from} ` +
          'JOIN `admin_units_view` u ON u.`id` = f.`admin_unit_id` ' +
          "JOIN `admin_units_view` anc ON u.`path` LIKE CONCAT(anc.`path`, '%') " +
          `WHERE ${condition.sql}${unitFilter}${typeFilter} GROUP BY anc.\`id\`${byType ? ', f.`type`' : ''}`,
        params: [
          ...chosen.params,
          ...condition.params,
          ...(subtrees === 'all' ? [] : [subtrees]),
          ...typeParams,
        ],
      });
    }
    if (country)
      statements.push({
        sql:
          `SELECT '' AS unitId, ${typeColumn} AS facilityType, ${chosen.sql} ${from} ` +
          `WHERE ${condition.sql}${typeFilter}${byType ? ' GROUP BY f.`type`' : ''}`,
        params: [...chosen.params, ...condition.params, ...typeParams],
      });
  }
  return statements;
}
