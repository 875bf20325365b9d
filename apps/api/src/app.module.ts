import {
  type AppConfig,
  ClockModule,
  ConfigModule,
  JobsModule,
  LoggingModule,
} from '@lifelong/common';
import { AdministrationHttpModule } from '@lifelong/administration';
import { CertificatesHttpModule } from '@lifelong/certificates';
import { Cmi5HttpModule } from '@lifelong/cmi5';
import { CoursesHttpModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { DistanceLessonsHttpModule } from '@lifelong/distance-lessons';
import { EnrollmentHttpModule } from '@lifelong/enrollment';
import { IdentityHttpModule } from '@lifelong/identity';
import { LearningRecordsHttpModule } from '@lifelong/learning-records';
import { MonitoringHttpModule } from '@lifelong/monitoring';
import { NotificationsHttpModule } from '@lifelong/notifications';
import { OrganizationsHttpModule, OrganizationsModule } from '@lifelong/organizations';
import { TelevisionLessonsHttpModule } from '@lifelong/television-lessons';
import { TrainingHttpModule } from '@lifelong/training';
import { type DynamicModule, Module } from '@nestjs/common';
import { HttpDrain } from './http/http-drain';
import { OpsModule } from './ops/ops.module';
import { QueueBoardModule } from './queue-board/queue-board.module';

/** The HTTP process: every domain's http module, no job processing. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'api'),
        ClockModule,
        DatabaseModule,
        JobsModule,
        OpsModule,
        QueueBoardModule,
        IdentityHttpModule,
        OrganizationsModule,
        OrganizationsHttpModule,
        NotificationsHttpModule,
        CoursesHttpModule,
        EnrollmentHttpModule,
        DistanceLessonsHttpModule,
        TelevisionLessonsHttpModule,
        CertificatesHttpModule,
        TrainingHttpModule,
        MonitoringHttpModule,
        AdministrationHttpModule,
        LearningRecordsHttpModule,
        Cmi5HttpModule,
      ],
      providers: [HttpDrain],
    };
  }
}
