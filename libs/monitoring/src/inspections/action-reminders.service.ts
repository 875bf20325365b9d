import { Clock } from '@lifelong/common';
import { recordEvent } from '@lifelong/database';
import { Injectable } from '@nestjs/common';
import { addDays, vietnamDay } from './inspection-rules';
import { type ActionRow, InspectionsRepository } from './inspections.repository';

/** Days before an action's due day at which its owner is reminded. */
export const ACTION_REMINDER_DAYS = [7, 1] as const;
/** The ledger's step for the reminder once an action is overdue. */
export const OVERDUE_STEP = 'overdue';

const BATCH = 500;

/**
 * Due-date reminders of follow-up actions (run with `monitoring.remind-reports`, hourly): an
 * open action of a published inspection due within 7 days, then within 1 day, and once it is
 * overdue, is told once per step through `monitoring.action-due`: to its owner, and when
 * overdue also to the inspector who planned the inspection. A step is skipped when a nearer
 * one already fired (an action set 3 days before its due day hears only the 1-day reminder).
 * The ledger row is written in the transaction that records the event, so a retried or
 * concurrent run tells no one twice.
 */
@Injectable()
export class ActionReminders {
  constructor(
    private readonly repository: InspectionsRepository,
    private readonly clock: Clock,
  ) {}

  /** Sends what is due; returns how many reminders went out. */
  async run(): Promise<number> {
    const today = vietnamDay(this.clock.now());
    let sent = 0;
    const steps = [...ACTION_REMINDER_DAYS].sort((a, b) => a - b).map(String);
    for (const [index, step] of steps.entries())
      sent += await this.remindAll(step, () =>
        this.repository.toRemind(
          today,
          addDays(today, Number(step)),
          steps.slice(0, index + 1),
          BATCH,
        ),
      );
    sent += await this.remindAll(OVERDUE_STEP, () =>
      this.repository.toRemind(null, addDays(today, -1), [OVERDUE_STEP], BATCH),
    );
    return sent;
  }

  private async remindAll(
    step: string,
    next: () => Promise<(ActionRow & { plannedBy: string })[]>,
  ): Promise<number> {
    let sent = 0;
    for (let batch = await next(); batch.length > 0; batch = await next())
      for (const action of batch) if (await this.remind(step, action)) sent += 1;
    return sent;
  }

  private remind(step: string, action: ActionRow & { plannedBy: string }): Promise<boolean> {
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.claimReminder(manager, action.id, step, this.clock.now())))
        return false;
      const recipientIds =
        step === OVERDUE_STEP ? [action.ownerId, action.plannedBy] : [action.ownerId];
      await recordEvent(manager, 'monitoring.action-due', {
        actionId: action.id,
        inspectionId: action.inspectionId,
        recipientIds: [...new Set(recipientIds)],
        title: action.title,
        targetName: action.targetName,
        dueOn: action.dueOn,
        daysLeft: step,
      });
      return true;
    });
  }
}
