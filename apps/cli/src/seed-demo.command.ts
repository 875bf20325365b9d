import { type AppConfig, ClockModule, ConfigModule } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { EnrollmentModule } from '@lifelong/enrollment';
import { IdentityModule } from '@lifelong/identity';
import { OrganizationsModule, OrganizationsWorkerModule } from '@lifelong/organizations';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DemoCourseSeeder } from './demo/demo-courses';
import { DemoEnrollmentSeeder } from './demo/demo-enrollments';
import { DemoSeeder } from './demo/demo-seeder';

/** What seeding needs: config, clock, database and the domain modules; no queues. */
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
      ],
      providers: [DemoSeeder, DemoCourseSeeder, DemoEnrollmentSeeder],
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
