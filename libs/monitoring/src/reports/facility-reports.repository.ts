import { pageOffset, type PageQuery } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FacilityReport, ReportListItem, ReportStatus } from './facility-reports.service';
import type { ReportField, ReportValues } from './report-fields';

interface ReportRow {
  id: string;
  facilityId: string;
  year: number;
  status: ReportStatus;
  values: string | ReportValues;
  fields: string | ReportField[];
  submittedAt: Date | null;
  submittedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  comment: string | null;
  updatedAt: Date;
}

const SELECT_REPORT =
  'SELECT `id`, `facility_id` AS facilityId, `year`, `status`, `values`, `fields`, ' +
  '`submitted_at` AS submittedAt, `submitted_by` AS submittedBy, `decided_at` AS decidedAt, ' +
  '`decided_by` AS decidedBy, `comment`, `updated_at` AS updatedAt FROM `monitoring_facility_reports`';

const json = <T>(value: string | T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

const fromRow = (row: ReportRow): FacilityReport => ({
  ...row,
  year: Number(row.year),
  values: json(row.values),
  fields: json(row.fields),
});

/** Where listed reports may be: one facility, or the facilities of an administrative subtree. */
export type ReportPlace = { facilityId: string } | { subtreePattern: string };

/** A report as accepted in one go (an imported paper report). */
export interface AcceptedReport {
  id: string;
  facilityId: string;
  year: number;
  values: ReportValues;
  fields: ReportField[];
  by: string;
  comment: string;
  at: Date;
}

/**
 * `monitoring_facility_reports` and `monitoring_reported_values`. Methods taking a manager run
 * in the caller's transaction.
 */
@Injectable()
export class FacilityReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The facility's report for the year; `lock` locks it for the rest of the transaction. */
  async find(
    facilityId: string,
    year: number,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<FacilityReport | null> {
    const [row] = await (options.manager ?? this.dataSource.manager).query<ReportRow[]>(
      `${SELECT_REPORT} WHERE \`facility_id\` = ? AND \`year\` = ?${options.lock ? ' FOR UPDATE' : ''}`,
      [facilityId, year],
    );
    return row ? fromRow(row) : null;
  }

  async insertDraft(
    manager: EntityManager,
    draft: { id: string; facilityId: string; year: number; values: ReportValues },
    fields: readonly ReportField[],
    at: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO `monitoring_facility_reports` (`id`, `facility_id`, `year`, `status`, `values`, ' +
        "`fields`, `created_at`, `updated_at`) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)",
      [
        draft.id,
        draft.facilityId,
        draft.year,
        JSON.stringify(draft.values),
        JSON.stringify(fields),
        at,
        at,
      ],
    );
  }

  async updateDraft(
    manager: EntityManager,
    id: string,
    values: ReportValues,
    fields: readonly ReportField[],
    at: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE `monitoring_facility_reports` SET `values` = ?, `fields` = ?, `updated_at` = ? WHERE `id` = ?',
      [JSON.stringify(values), JSON.stringify(fields), at, id],
    );
  }

  /** The report is submitted with these answers and fields (an earlier decision is cleared). */
  async markSubmitted(
    manager: EntityManager,
    id: string,
    submission: { values: ReportValues; fields: readonly ReportField[]; by: string; at: Date },
  ): Promise<void> {
    const { values, fields, by, at } = submission;
    await manager.query(
      "UPDATE `monitoring_facility_reports` SET `status` = 'submitted', `values` = ?, `fields` = ?, " +
        '`submitted_at` = ?, `submitted_by` = ?, `decided_at` = NULL, `decided_by` = NULL, `updated_at` = ? WHERE `id` = ?',
      [JSON.stringify(values), JSON.stringify(fields), at, by, at, id],
    );
  }

  async markDecided(
    manager: EntityManager,
    id: string,
    decision: { outcome: 'accepted' | 'returned'; by: string; comment: string | null; at: Date },
  ): Promise<void> {
    const { outcome, by, comment, at } = decision;
    await manager.query(
      'UPDATE `monitoring_facility_reports` SET `status` = ?, `decided_at` = ?, `decided_by` = ?, ' +
        '`comment` = ?, `updated_at` = ? WHERE `id` = ?',
      [outcome, at, by, comment, at, id],
    );
  }

  /** Writes a report as submitted and accepted at once: over `existing`, or as a new row. */
  async saveAccepted(
    manager: EntityManager,
    report: AcceptedReport,
    existing: boolean,
  ): Promise<void> {
    const { at, by } = report;
    const row = [
      JSON.stringify(report.values),
      JSON.stringify(report.fields),
      at,
      by,
      at,
      by,
      report.comment,
      at,
    ];
    if (existing)
      await manager.query(
        "UPDATE `monitoring_facility_reports` SET `status` = 'accepted', `values` = ?, `fields` = ?, " +
          '`submitted_at` = ?, `submitted_by` = ?, `decided_at` = ?, `decided_by` = ?, `comment` = ?, ' +
          '`updated_at` = ? WHERE `id` = ?',
        [...row, report.id],
      );
    else
      await manager.query(
        'INSERT INTO `monitoring_facility_reports` (`status`, `values`, `fields`, `submitted_at`, ' +
          '`submitted_by`, `decided_at`, `decided_by`, `comment`, `updated_at`, `id`, `facility_id`, ' +
          "`year`, `created_at`) VALUES ('accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [...row, report.id, report.facilityId, report.year, at],
      );
  }

  /** Replaces the report's reported values (`[indicator, value]` pairs) with these. */
  async replaceReportedValues(
    manager: EntityManager,
    report: Pick<FacilityReport, 'id' | 'facilityId' | 'year'>,
    values: readonly [string, number][],
  ): Promise<void> {
    await manager.query('DELETE FROM `monitoring_reported_values` WHERE `report_id` = ?', [
      report.id,
    ]);
    if (values.length > 0)
      await manager.query(
        'INSERT INTO `monitoring_reported_values` (`report_id`, `indicator`, `facility_id`, `year`, `value`) VALUES ?',
        [
          values.map(([indicator, value]) => [
            report.id,
            indicator,
            report.facilityId,
            report.year,
            value,
          ]),
        ],
      );
  }

  /**
   * A page of the year's reports in `status`, in `places` (every place when 'everywhere'),
   * oldest submission first, and how many there are.
   */
  async page(
    year: number,
    status: ReportStatus,
    places: readonly ReportPlace[] | 'everywhere',
    query: PageQuery,
  ): Promise<{ rows: Omit<ReportListItem, 'facilityName' | 'place'>[]; total: number }> {
    const filters = ['r.`year` = ?', 'r.`status` = ?'];
    const params: unknown[] = [year, status];
    if (places !== 'everywhere') {
      const within = places.map((place) => {
        params.push('facilityId' in place ? place.facilityId : place.subtreePattern);
        return 'facilityId' in place ? 'f.`id` = ?' : 'u.`path` LIKE ?';
      });
      filters.push(`(${within.join(' OR ')})`);
    }
    const from =
      'FROM `monitoring_facility_reports` r JOIN `facilities_view` f ON f.`id` = r.`facility_id` ' +
      `JOIN \`admin_units_view\` u ON u.\`id\` = f.\`admin_unit_id\` WHERE ${filters.join(' AND ')}`;
    const [count] = await this.dataSource.query<{ total: number | string }[]>(
      `SELECT COUNT(*) AS total ${from}`,
      params,
    );
    const rows = await this.dataSource.query<Omit<ReportListItem, 'facilityName' | 'place'>[]>(
      'SELECT r.`id`, r.`facility_id` AS facilityId, r.`year`, r.`status`, r.`submitted_at` AS submittedAt, ' +
        `r.\`decided_at\` AS decidedAt ${from} ORDER BY r.\`submitted_at\`, r.\`id\` LIMIT ? OFFSET ?`,
      [...params, query.pageSize, pageOffset(query)],
    );
    return { rows, total: Number(count?.total ?? 0) };
  }
}
