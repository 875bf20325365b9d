import { chunksOf, Clock } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { UserLookup } from '@lifelong/identity';
import { FacilityDirectory } from '@lifelong/organizations';
import { Injectable } from '@nestjs/common';
import { type ReminderCandidate, ReportRemindersRepository } from './report-reminders.repository';

/** Days before the deadline at which the facility admins of an unsubmitted report are told. */
export const REMINDER_DAYS = [14, 3] as const;

const DAY_MS = 86_400_000;
const CHUNK = 1_000;

/**
 * `monitoring.remind-reports` (hourly): for each reminder step, the facilities whose report for
 * a year whose deadline falls within that many days is not submitted (none yet, a draft, or
 * returned) are reminded once, through `monitoring.report-due-soon` to their facility admins.
 * The ledger (`monitoring_report_reminders`, unique per facility, year and step) is written in
 * the transaction that records the event, so a retried or concurrent run tells no one twice; a
 * later step skips facilities already told at a nearer one.
 */
@Injectable()
export class ReportReminders {
  constructor(
    private readonly reminders: ReportRemindersRepository,
    private readonly users: UserLookup,
    private readonly facilities: FacilityDirectory,
    private readonly clock: Clock,
  ) {}

  /** Sends what is due; returns how many facilities were reminded. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let reminded = 0;
    for (const days of [...REMINDER_DAYS].sort((a, b) => a - b)) {
      const candidates = await this.reminders.due(
        now,
        new Date(now.getTime() + days * DAY_MS),
        days,
      );
      for (const chunk of chunksOf(candidates, CHUNK)) reminded += await this.remind(days, chunk);
    }
    return reminded;
  }

  private async remind(days: number, chunk: readonly ReminderCandidate[]): Promise<number> {
    const names = new Map<string, string>();
    for (const { facilityId } of chunk) {
      const card = await this.facilities.card(facilityId);
      if (card) names.set(facilityId, card.name);
    }
    return this.reminders.transaction(async (manager) => {
      const won = await this.reminders.claim(manager, days, chunk, this.clock.now());
      const told = chunk.filter((c) => won.has(`${c.facilityId}/${c.year}`));
      if (told.length === 0) return 0;
      const holders = await this.users.holdersOf(
        'facility_admin',
        'facility',
        told.map((c) => c.facilityId),
        manager,
      );
      for (const candidate of told) {
        const recipientIds = holders
          .filter((holder) => holder.scopeId === candidate.facilityId)
          .map((holder) => holder.userId);
        if (recipientIds.length === 0) continue;
        const facilityName = names.get(candidate.facilityId);
        await recordEvent(manager, 'monitoring.report-due-soon', {
          facilityId: candidate.facilityId,
          year: String(candidate.year),
          recipientIds,
          ...(facilityName !== undefined && { facilityName }),
          daysLeft: String(days),
          deadline: new Date(candidate.deadline).toISOString(),
        });
      }
      return told.length;
    });
  }
}
