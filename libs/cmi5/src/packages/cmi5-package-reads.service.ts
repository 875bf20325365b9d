import { EnrollmentLookup } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { Cmi5Error } from '../cmi5-error';
import { Cmi5Packages, packageView, type PackageView } from './cmi5-packages.service';
import { Cmi5Lessons } from './cmi5-lessons.service';

/** Who may see a lesson's package: its course's staff and its learners; others get 404. */
@Injectable()
export class Cmi5PackageReads {
  constructor(
    private readonly lessons: Cmi5Lessons,
    private readonly packages: Cmi5Packages,
    private readonly enrollments: EnrollmentLookup,
  ) {}

  async current(principal: Principal, lessonId: string): Promise<PackageView> {
    const target = await this.lessons.lesson(lessonId);
    const allowed =
      (await this.lessons.isStaff(principal, target)) ||
      (await this.enrollments.isLearning(principal.userId, target.lesson.courseId));
    if (!allowed) throw new Cmi5Error('LESSON_NOT_FOUND', 'No such lesson', { lessonId });
    return packageView(await this.packages.currentOrFail(lessonId));
  }
}
