import { Clock, newId, type Page, type PageQuery, pageOffset, toPage } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { type Principal, isPlatformAdmin } from '@lifelong/identity';
import { FacilityDirectory, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MonitoringError } from '../monitoring-error';
import { REPORT_DECIDERS, REPORT_FILLERS, REPORT_READERS } from '../policies';
import { ReportAccess } from './report-access';
import { checkValues, missingAnswers, type ReportField, type ReportValues } from './report-fields';
import { ReportForms } from './report-forms.service';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A facility's report for a year, with the definitions of the fields it answered. */
export interface FacilityReport {
  id: string;
  facilityId: string;
  year: number;
  status: ReportStatus;
  values: ReportValues;
  /** The fields as they were when the report was last saved or submitted. */
  fields: ReportField[];
  submittedAt: Date | null;
  submittedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  comment: string | null;
  updatedAt: Date;
}

/** A report in a decider's list. */
export interface ReportListItem {
  id: string;
  facilityId: string;
  facilityName: string;
  place: string;
  year: number;
  status: ReportStatus;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

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

/** The comment of a decision, trimmed; at most 2,000 characters. */
export const COMMENT_MAX = 2_000;

/**
 * Yearly facility reports: the facility's admins save drafts and submit by the deadline (the
 * Clock's time); a supervisor or admin covering the facility, who does not answer for it,
 * accepts or returns it with a comment. An accepted report's answers to fields that feed a
 * reported indicator go to `monitoring_reported_values`, and `monitoring.reports-accepted`
 * moves the figures, in the same transaction.
 */
@Injectable()
export class FacilityReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forms: ReportForms,
    private readonly access: ReportAccess,
    private readonly facilities: FacilityDirectory,
    private readonly clock: Clock,
  ) {}

  /** The facility's report for the year (its fillers and deciders in scope). */
  async find(principal: Principal, facilityId: string, year: number): Promise<FacilityReport> {
    await this.access.assertFacility(facilityId);
    await this.access.assertCovers(principal, REPORT_READERS, facilityId);
    const report = await this.load(this.dataSource.manager, facilityId, year);
    if (!report)
      throw new MonitoringError('REPORT_NOT_FOUND', 'This facility has no report for that year', {
        facilityId,
        year,
      });
    return report;
  }

  /**
   * Saves the answers as a draft (replacing earlier ones), checked against the form's current
   * fields; a submitted or accepted report can no longer change (409 REPORT_NOT_EDITABLE).
   */
  async saveDraft(
    principal: Principal,
    facilityId: string,
    year: number,
    values: unknown,
  ): Promise<FacilityReport> {
    await this.access.assertFacility(facilityId);
    await this.access.assertCovers(principal, REPORT_FILLERS, facilityId);
    const fields = await this.forms.currentFields(year);
    const kept = checkValues(fields, values);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const report = await this.load(manager, facilityId, year, true);
      if (report && (report.status === 'submitted' || report.status === 'accepted'))
        throw new MonitoringError('REPORT_NOT_EDITABLE', `The report is ${report.status}`, {
          status: report.status,
        });
      const snapshot = JSON.stringify(fields.map(definitionOf));
      if (report)
        await manager.query(
          'UPDATE `monitoring_facility_reports` SET `values` = ?, `fields` = ?, `updated_at` = ? WHERE `id` = ?',
          [JSON.stringify(kept), snapshot, now, report.id],
        );
      else
        await manager.query(
          'INSERT INTO `monitoring_facility_reports` (`id`, `facility_id`, `year`, `status`, `values`, ' +
            "`fields`, `created_at`, `updated_at`) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)",
          [newId(), facilityId, year, JSON.stringify(kept), snapshot, now, now],
        );
    });
    return this.mustLoad(facilityId, year);
  }

  /**
   * Submits the saved report: every required field answered, before the deadline (a returned
   * report may be sent again after it, since the supervisor asked for it). A second submission
   * is 409 REPORT_ALREADY_SUBMITTED.
   */
  async submit(principal: Principal, facilityId: string, year: number): Promise<FacilityReport> {
    await this.access.assertFacility(facilityId);
    await this.access.assertCovers(principal, REPORT_FILLERS, facilityId);
    await this.dataSource.transaction(async (manager) => {
      const report = await this.load(manager, facilityId, year, true);
      if (!report)
        throw new MonitoringError('REPORT_NOT_FOUND', 'Save the report before submitting it', {
          facilityId,
          year,
        });
      if (report.status === 'submitted' || report.status === 'accepted')
        throw new MonitoringError('REPORT_ALREADY_SUBMITTED', `The report is ${report.status}`, {
          status: report.status,
        });
      const form = await this.forms.find(year, manager);
      const now = this.clock.now();
      if (report.status === 'draft' && now.getTime() >= form.deadline.getTime())
        throw new MonitoringError(
          'REPORT_PAST_DEADLINE',
          'The deadline for this report has passed',
          {
            deadline: form.deadline.toISOString(),
          },
        );
      const fields = form.fields.filter((field) => !field.retired);
      // Answers to fields retired since the draft was saved are no longer asked for.
      const current = new Set(fields.map((field) => field.key));
      const values = checkValues(
        fields,
        Object.fromEntries(Object.entries(report.values).filter(([key]) => current.has(key))),
      );
      const missing = missingAnswers(fields, values);
      if (missing.length > 0)
        throw new MonitoringError('REPORT_INCOMPLETE', 'Some required fields have no answer', {
          missing,
        });
      await manager.query(
        "UPDATE `monitoring_facility_reports` SET `status` = 'submitted', `values` = ?, `fields` = ?, " +
          '`submitted_at` = ?, `submitted_by` = ?, `decided_at` = NULL, `decided_by` = NULL, `updated_at` = ? WHERE `id` = ?',
        [
          JSON.stringify(values),
          JSON.stringify(fields.map(definitionOf)),
          now,
          principal.userId,
          now,
          report.id,
        ],
      );
    });
    return this.mustLoad(facilityId, year);
  }

  /** Accepts a submitted report; its indicator answers reach the figures. */
  accept(
    principal: Principal,
    facilityId: string,
    year: number,
    comment: string | null,
  ): Promise<FacilityReport> {
    return this.decide(principal, facilityId, year, 'accepted', comment);
  }

  /** Returns a submitted report to the facility with a comment saying what to fix. */
  sendBack(
    principal: Principal,
    facilityId: string,
    year: number,
    comment: string,
  ): Promise<FacilityReport> {
    return this.decide(principal, facilityId, year, 'returned', comment);
  }

  private async decide(
    principal: Principal,
    facilityId: string,
    year: number,
    outcome: 'accepted' | 'returned',
    comment: string | null,
  ): Promise<FacilityReport> {
    await this.access.assertFacility(facilityId);
    await this.access.assertCovers(principal, REPORT_DECIDERS, facilityId);
    await this.dataSource.transaction(async (manager) => {
      const report = await this.load(manager, facilityId, year, true);
      if (!report)
        throw new MonitoringError('REPORT_NOT_FOUND', 'This facility has no report for that year', {
          facilityId,
          year,
        });
      await this.access.assertDecider(principal, facilityId, report.submittedBy);
      if (report.status !== 'submitted')
        throw new MonitoringError('REPORT_NOT_SUBMITTED', `The report is ${report.status}`, {
          status: report.status,
        });
      const now = this.clock.now();
      await manager.query(
        'UPDATE `monitoring_facility_reports` SET `status` = ?, `decided_at` = ?, `decided_by` = ?, ' +
          '`comment` = ?, `updated_at` = ? WHERE `id` = ?',
        [outcome, now, principal.userId, comment, now, report.id],
      );
      if (outcome === 'accepted') await this.publish(manager, report);
    });
    return this.mustLoad(facilityId, year);
  }

  /**
   * Writes an accepted report's answers to the fields that feed indicators (as the report's
   * snapshot defines them) and the event that moves the figures. Called in the transaction that
   * accepts it.
   */
  async publish(
    manager: EntityManager,
    report: Pick<FacilityReport, 'id' | 'facilityId' | 'year' | 'values' | 'fields'>,
  ): Promise<void> {
    await manager.query('DELETE FROM `monitoring_reported_values` WHERE `report_id` = ?', [
      report.id,
    ]);
    const rows = report.fields.flatMap((field) => {
      const value = report.values[field.key];
      return field.indicator !== null && typeof value === 'number'
        ? [[report.id, field.indicator, report.facilityId, report.year, value]]
        : [];
    });
    if (rows.length > 0)
      await manager.query(
        'INSERT INTO `monitoring_reported_values` (`report_id`, `indicator`, `facility_id`, `year`, `value`) VALUES ?',
        [rows],
      );
    await recordEvent(manager, 'monitoring.reports-accepted', {
      year: report.year,
      facilityIds: [report.facilityId],
    });
  }

  /**
   * The reports of the year in the caller's reach (supervisors and admins), `submitted` ones
   * unless another status is asked for, oldest submission first.
   */
  async list(
    principal: Principal,
    query: PageQuery & { year: number; status?: ReportStatus },
  ): Promise<Page<ReportListItem>> {
    const filters = ['r.`year` = ?', 'r.`status` = ?'];
    const params: unknown[] = [query.year, query.status ?? 'submitted'];
    const reach = isPlatformAdmin(principal)
      ? ({ everywhere: true } as const)
      : this.access.reach(principal, REPORT_DECIDERS);
    if (!reach.everywhere) {
      const within: string[] = [];
      for (const scope of reach.scopes) {
        if (scope.scopeType === 'facility') {
          within.push('f.`id` = ?');
          params.push(scope.scopeId);
        } else if (scope.scopeType === 'admin_unit') {
          const path = await this.facilities.adminUnitPath(scope.scopeId);
          if (path === null) continue;
          within.push('u.`path` LIKE ?');
          params.push(subtreePattern(path));
        }
      }
      if (within.length === 0) return toPage([], 0, query);
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
    const items: ReportListItem[] = [];
    for (const row of rows) {
      const card = await this.facilities.card(row.facilityId);
      items.push({
        ...row,
        year: Number(row.year),
        facilityName: card?.name ?? '',
        place: card?.place ?? '',
      });
    }
    return toPage(items, Number(count?.total ?? 0), query);
  }

  /** The report, locked for update when asked. */
  async load(
    manager: EntityManager,
    facilityId: string,
    year: number,
    forUpdate = false,
  ): Promise<FacilityReport | null> {
    const [row] = await manager.query<ReportRow[]>(
      `${SELECT_REPORT} WHERE \`facility_id\` = ? AND \`year\` = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [facilityId, year],
    );
    return row ? fromRow(row) : null;
  }

  private async mustLoad(facilityId: string, year: number): Promise<FacilityReport> {
    const report = await this.load(this.dataSource.manager, facilityId, year);
    if (!report) throw new Error(`Report of ${facilityId} for ${year} vanished`);
    return report;
  }
}

/** A field's definition as a report keeps it (without its place in the form). */
export const definitionOf = (field: ReportField): ReportField => ({
  key: field.key,
  label: { ...field.label },
  type: field.type,
  help: field.help,
  required: field.required,
  min: field.min,
  max: field.max,
  choices: field.choices,
  indicator: field.indicator,
});
