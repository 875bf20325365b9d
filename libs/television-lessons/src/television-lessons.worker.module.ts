import { CoursesModule } from '@lifelong/courses';
import { IdentityModule } from '@lifelong/identity';
import { Module } from '@nestjs/common';
import { TelevisionTimedJobs } from './reminders/reminder.jobs';
import { ImportScheduleJob } from './schedule-import/import-schedule.job';
import { TelevisionLessonsModule } from './television-lessons.module';

/**
 * The television jobs (worker only): `television.remind-broadcast`, the recurring
 * `television.sweep-reminders` and `television.settle-checks`, and `television.import-schedule`.
 */
@Module({
  imports: [IdentityModule, CoursesModule, TelevisionLessonsModule],
  providers: [TelevisionTimedJobs, ImportScheduleJob],
})
export class TelevisionLessonsWorkerModule {}
