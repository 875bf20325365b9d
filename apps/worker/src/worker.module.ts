import {
  type AppConfig,
  ClockModule,
  ConfigModule,
  JobsModule,
  LoggingModule,
} from '@lifelong/common';
import { CertificatesWorkerModule } from '@lifelong/certificates';
import { CoursesModule } from '@lifelong/courses';
import { DatabaseModule, OutboxWorkerModule } from '@lifelong/database';
import { DistanceLessonsWorkerModule } from '@lifelong/distance-lessons';
import { EnrollmentModule, EnrollmentWorkerModule } from '@lifelong/enrollment';
import { IdentityModule, IdentityWorkerModule } from '@lifelong/identity';
import { LearningRecordsWorkerModule } from '@lifelong/learning-records';
import { MonitoringWorkerModule } from '@lifelong/monitoring';
import { NotificationsWorkerModule } from '@lifelong/notifications';
import { OrganizationsModule, OrganizationsWorkerModule } from '@lifelong/organizations';
import { TelevisionLessonsWorkerModule } from '@lifelong/television-lessons';
import { TrainingWorkerModule } from '@lifelong/training';
import { type DynamicModule, Module } from '@nestjs/common';
import { JobRuntimeModule } from './jobs/job-runtime.module';

/** The job process: every domain's worker module, no HTTP routes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'worker'),
        ClockModule,
        DatabaseModule,
        JobsModule,
        JobRuntimeModule,
        OutboxWorkerModule,
        IdentityModule,
        IdentityWorkerModule,
        OrganizationsModule,
        OrganizationsWorkerModule,
        NotificationsWorkerModule,
        CoursesModule,
        EnrollmentModule,
        EnrollmentWorkerModule,
        DistanceLessonsWorkerModule,
        TelevisionLessonsWorkerModule,
        CertificatesWorkerModule,
        TrainingWorkerModule,
        MonitoringWorkerModule,
        LearningRecordsWorkerModule,
      ],
    };
  }
}
