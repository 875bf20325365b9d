import { Clock, ClockModule, ConfigModule, ManualClock } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { DatabaseModule } from '@lifelong/database';
import { EnrollmentModule } from '@lifelong/enrollment';
import { OrganizationsModule } from '@lifelong/organizations';
import { Test, type TestingModule } from '@nestjs/testing';
import { testConfig } from '../../../test/setup/test-env';

export {
  buildCourse,
  facility,
  insertLearners,
  type LessonSpec,
  outboxEvents,
  platformAdmin,
} from '../../../test/support/course-fixtures';

/** Enrollment's services (with courses and organizations) over the test database. */
export async function enrollmentModule(
  clock: Clock = new ManualClock(),
  overrides: Record<string, string> = {},
): Promise<TestingModule> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(testConfig(overrides)),
      ClockModule,
      DatabaseModule,
      OrganizationsModule,
      CoursesModule,
      EnrollmentModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  return moduleRef.init();
}
