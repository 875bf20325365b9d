import { newId } from '@lifelong/common';
import { sqlDateTime } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A facility whose report of a year is not submitted, and that year's deadline. */
export interface ReminderCandidate {
  facilityId: string;
  year: number;
  deadline: Date;
}

/** The reminders ledger (`monitoring_report_reminders`) and who is due a reminder. */
@Injectable()
export class ReportRemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one READ COMMITTED transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * The facilities (registered before the deadline) whose report for a year with a deadline
   * after `now` and up to `until` is not submitted (none, a draft, or returned), and that were
   * not told at this step or a nearer one (`step` days or fewer).
   */
  due(now: Date, until: Date, step: number): Promise<ReminderCandidate[]> {
    return this.dataSource.query<ReminderCandidate[]>(
      'SELECT f.`id` AS facilityId, fm.`year`, fm.`deadline` FROM `monitoring_report_forms` fm ' +
        'JOIN `facilities_view` f ON f.`created_at` < fm.`deadline` ' +
        'LEFT JOIN `monitoring_facility_reports` r ON r.`facility_id` = f.`id` AND r.`year` = fm.`year` ' +
        "WHERE fm.`deadline` > ? AND fm.`deadline` <= ? AND (r.`status` IS NULL OR r.`status` IN ('draft', 'returned')) " +
        'AND NOT EXISTS (SELECT 1 FROM `monitoring_report_reminders` n WHERE n.`facility_id` = f.`id` ' +
        'AND n.`year` = fm.`year` AND n.`step` <= ?)',
      [sqlDateTime(now), sqlDateTime(until), step],
    );
  }

  /**
   * Records the step's reminders of these candidates, sent at `at`; returns the ones this call
   * recorded as `facilityId/year` (a concurrent run may have recorded others first).
   */
  async claim(
    manager: EntityManager,
    step: number,
    candidates: readonly ReminderCandidate[],
    at: Date,
  ): Promise<Set<string>> {
    const batchId = newId();
    await manager.query(
      'INSERT IGNORE INTO `monitoring_report_reminders` (`facility_id`, `year`, `step`, `batch_id`, `sent_at`) VALUES ?',
      [candidates.map((c) => [c.facilityId, c.year, step, batchId, sqlDateTime(at)])],
    );
    return new Set(
      (
        await manager.query<{ key: string }[]>(
          "SELECT CONCAT(`facility_id`, '/', `year`) AS `key` FROM `monitoring_report_reminders` WHERE `batch_id` = ?",
          [batchId],
        )
      ).map((row) => row.key),
    );
  }
}
