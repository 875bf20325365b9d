import { AppConfig, Clock, JobHandler, JobQueue } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { dueDigestDate } from './digest-day';
import { DigestsRepository } from './digests.repository';

const PAGE = 500;

/** The deterministic job id of one person's digest of one day. */
export const sendDigestJobId = (userId: string, date: string): string => `digest-${userId}-${date}`;

/**
 * `notifications.plan-digests` (recurring): walks the people with waiting digest entries and,
 * for each whose local digest hour has come, opens today's digest and queues its send. Running
 * it again, or on several workers, sends nothing twice: one digest row and one job id per user
 * per day.
 */
@Injectable()
export class PlanDigestsJob {
  constructor(
    private readonly digests: DigestsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('notifications.plan-digests')
  async plan(): Promise<{ queued: number }> {
    const now = this.clock.now();
    let queued = 0;
    let after = '';
    for (;;) {
      const waiting = await this.digests.waitingUsers(after, PAGE);
      const due = waiting.flatMap(({ userId, timeZone }) => {
        const date = dueDigestDate(now, timeZone, this.config.notifications.digestHourLocal);
        return date ? [{ userId, date }] : [];
      });
      const toSend = await this.open(due);
      await this.jobs.enqueueBulk(
        'notifications.send-digest',
        toSend.map(({ userId, date }) => ({
          payload: { userId, digestDate: date },
          options: { jobId: sendDigestJobId(userId, date) },
        })),
      );
      queued += toSend.length;
      if (waiting.length < PAGE) return { queued };
      after = waiting.at(-1)?.userId ?? after;
    }
  }

  /**
   * Opens the due digests (fixing what each covers) and returns those still to send. A digest
   * already sent today is not among them; one opened but not sent yet is queued again, which its
   * job id turns into nothing while the job exists.
   */
  private async open(
    due: readonly { userId: string; date: string }[],
  ): Promise<{ userId: string; date: string }[]> {
    const byDate = new Map<string, string[]>();
    for (const { userId, date } of due) byDate.set(date, [...(byDate.get(date) ?? []), userId]);
    const opened = await Promise.all(
      [...byDate].map(async ([date, userIds]) =>
        (await this.digests.openMany(date, userIds)).map((userId) => ({ userId, date })),
      ),
    );
    return opened.flat();
  }
}
