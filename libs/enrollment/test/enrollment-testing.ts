import { type Clock, ManualClock } from '@lifelong/common';
import { CoursesModule } from '@lifelong/courses';
import { EnrollmentModule } from '@lifelong/enrollment';
import { OrganizationsModule } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { testConfig } from '../../../test/setup/test-env';
import { servicesModule } from '../../../test/support/services-module';

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
  return servicesModule(testConfig(overrides), clock, [
    OrganizationsModule,
    CoursesModule,
    EnrollmentModule,
  ]);
}
