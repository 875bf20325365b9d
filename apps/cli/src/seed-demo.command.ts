import { type AppConfig, ClockModule, ConfigModule, JobsModule } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { MonitoringModule } from '@lifelong/monitoring';
import { OrganizationsModule, OrganizationsWorkerModule } from '@lifelong/organizations';
import { TelevisionLessonsModule } from '@lifelong/television-lessons';
import { TrainingWorkerModule } from '@lifelong/training';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DemoCourseSeeder } from './demo/demo-courses';
import { DemoEnrollmentSeeder } from './demo/demo-enrollments';
import { DemoSeeder } from './demo/demo-seeder';
import { DemoTelevisionSeeder } from './demo/demo-television';
import { DemoInspectionSeeder } from './demo/demo-inspections';
import { DemoReportFormSeeder } from './demo/demo-report-form';
import { DemoTrainingSeeder } from './demo/demo-training';

/** What seeding needs: config, clock, database, the domain modules and the job producer. */
@Module({})
class SeedModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        IdentityModule,
        OrganizationsModule,
        OrganizationsWorkerModule,
        CoursesModule,
        EnrollmentModule,
        TrainingWorkerModule,
        MonitoringModule,
        // Television demo slots are scheduled through the api's service, which queues reminders.
        JobsModule,
        TelevisionLessonsModule,
      ],
      providers: [
        DemoSeeder,
        DemoCourseSeeder,
        DemoEnrollmentSeeder,
        DemoTrainingSeeder,
        DemoTelevisionSeeder,
        DemoReportFormSeeder,
        DemoInspectionSeeder,
      ],
    };
  }
}

/** `npm run seed:demo`: realistic Vietnamese demo data; a second run changes nothing. */
export async function seedDemo(config: AppConfig): Promise<void> {
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    const summary = await context.get(DemoSeeder).seed();
    process.stdout.write(`Demo data: ${summary}\n`);
  } finally {
    await context.close();
  }
}
