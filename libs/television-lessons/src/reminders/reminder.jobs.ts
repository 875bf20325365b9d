import { JobHandler, type JobPayloads } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { LessonCompletion } from '../attendance/lesson-completion.service';
import { BroadcastReminders, type ReminderOutcome } from './broadcast-reminders.service';

/** The television jobs that run on a timer: reminders, the reminder sweep, check settling. */
@Injectable()
export class TelevisionTimedJobs {
  constructor(
    private readonly reminders: BroadcastReminders,
    private readonly completion: LessonCompletion,
  ) {}

  @JobHandler('television.remind-broadcast')
  remind(payload: JobPayloads['television.remind-broadcast']): Promise<ReminderOutcome> {
    return this.reminders.remind(payload.broadcastId, payload.revision);
  }

  @JobHandler('television.sweep-reminders')
  sweep(): Promise<{ queued: number }> {
    return this.reminders.sweep();
  }

  @JobHandler('television.settle-checks')
  async settle(): Promise<{ settled: number }> {
    return { settled: await this.completion.settlePending() };
  }
}
