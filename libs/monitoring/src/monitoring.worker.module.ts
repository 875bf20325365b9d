import { Module } from '@nestjs/common';
import { MonitoringJobs } from './monitoring-jobs';
import { MonitoringModule } from './monitoring.module';

/** The monitoring job handlers (worker process only). */
@Module({
  imports: [MonitoringModule],
  providers: [MonitoringJobs],
  // Tests, the benchmark and the demo seeder run the handlers in-process.
  exports: [MonitoringJobs, MonitoringModule],
})
export class MonitoringWorkerModule {}
