import { Clock, newId, type Page, type PageQuery, toPage } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { type Principal, isPlatformAdmin } from '@lifelong/identity';
import { FacilityDirectory, subtreePattern } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MonitoringError } from '../monitoring-error';
import { REPORT_DECIDERS, REPORT_FILLERS, REPORT_READERS } from '../policies';
import { FacilityReportsRepository, type ReportPlace } from './facility-reports.repository';
import { ReportAccess } from './report-access.service';
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
    private readonly reports: FacilityReportsRepository,
    private readonly forms: ReportForms,
    private readonly access: ReportAccess,
    private readonly facilities: FacilityDirectory,
    private readonly clock: Clock,
  ) {}

  /** The facility's report for the year (its fillers and deciders in scope). */
  async find(principal: Principal, facilityId: string, year: number): Promise<FacilityReport> {
    await this.access.assertFacility(facilityId);
    await this.access.assertCovers(principal, REPORT_READERS, facilityId);
    const report = await this.reports.find(facilityId, year);
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
    await this.reports.transaction(async (manager) => {
      const report = await this.reports.find(facilityId, year, { manager, lock: true });
      if (report && (report.status === 'submitted' || report.status === 'accepted'))
        throw new MonitoringError('REPORT_NOT_EDITABLE', `The report is ${report.status}`, {
          status: report.status,
        });
      const snapshot = fields.map(definitionOf);
      if (report) await this.reports.updateDraft(manager, report.id, kept, snapshot, now);
      else
        await this.reports.insertDraft(
          manager,
          { id: newId(), facilityId, year, values: kept },
          snapshot,
          now,
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
    await this.reports.transaction(async (manager) => {
      const report = await this.reports.find(facilityId, year, { manager, lock: true });
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
      await this.reports.markSubmitted(manager, report.id, {
        values,
        fields: fields.map(definitionOf),
        by: principal.userId,
        at: now,
      });
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
    await this.reports.transaction(async (manager) => {
      const report = await this.reports.find(facilityId, year, { manager, lock: true });
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
      await this.reports.markDecided(manager, report.id, {
        outcome,
        by: principal.userId,
        comment,
        at: now,
      });
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
    const reported = report.fields.flatMap((field): [string, number][] => {
      const value = report.values[field.key];
      return field.indicator !== null && typeof value === 'number'
        ? [[field.indicator, value]]
        : [];
    });
    await this.reports.replaceReportedValues(manager, report, reported);
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
    const reach = isPlatformAdmin(principal)
      ? ({ everywhere: true } as const)
      : this.access.reach(principal, REPORT_DECIDERS);
    let places: ReportPlace[] | 'everywhere' = 'everywhere';
    if (!reach.everywhere) {
      places = [];
      for (const scope of reach.scopes) {
        if (scope.scopeType === 'facility') places.push({ facilityId: scope.scopeId });
        else if (scope.scopeType === 'admin_unit') {
          const path = await this.facilities.adminUnitPath(scope.scopeId);
          if (path !== null) places.push({ subtreePattern: subtreePattern(path) });
        }
      }
      if (places.length === 0) return toPage([], 0, query);
    }
    const { rows, total } = await this.reports.page(
      query.year,
      query.status ?? 'submitted',
      places,
      query,
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
    return toPage(items, total, query);
  }

  private async mustLoad(facilityId: string, year: number): Promise<FacilityReport> {
    const report = await this.reports.find(facilityId, year);
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
