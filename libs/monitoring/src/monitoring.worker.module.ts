import { Module } from '@nestjs/common';
import { MonitoringJobs } from './monitoring-jobs';
import { MonitoringModule } from './monitoring.module';

/** The monitoring job handlers (worker process only). */
@Module({
  imports: [MonitoringModule],
  providers: [MonitoringJobs],
  // Nothing exported: tests that run the handlers in-process look them up with get().
})
export class MonitoringWorkerModule {}
