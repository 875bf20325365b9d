import { Clock } from '@lifelong/common';
import { Course, CourseOutline } from '@lifelong/courses';
import { CompleteLessonService, countedLessonIds } from '@lifelong/enrollment';
import type { Principal } from '@lifelong/identity';
import {
  ImportStaffJob,
  OrgUnit,
  RequestStaffImportService,
  STAFF_CSV_COLUMNS,
  StaffProfile,
} from '@lifelong/organizations';
import {
  AssignmentStatuses,
  type RequirementInput,
  RequirementsService,
  TrainingJobs,
  TrainingRequirement,
} from '@lifelong/training';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { demoStaff } from './demo-data';

/** The ministry's civil servants (the first 60 are the seeder's own staff). */
const CIVIL_SERVANTS = 360;
const DAY = 86_400_000;

/** Two requirements on the ministry: one yearly, one once with a fixed date already passed. */
const REQUIREMENTS = [
  {
    title: 'Bồi dưỡng an toàn thông tin hằng năm',
    courseTitle: 'An toàn thông tin cho cán bộ, công chức',
    rules: { dueDays: 60, recurrence: { annualOn: '12-31' }, windowDays: 0 },
  },
  {
    title: 'Bồi dưỡng kỹ năng số cho lãnh đạo phòng',
    courseTitle: 'Kỹ năng số cho mọi người',
    positions: ['Trưởng phòng', 'Phó Trưởng phòng'],
  },
] as const;

/**
 * Mandated training for the demo ministry (Bộ Giáo dục và Đào tạo): a few hundred civil
 * servants through the staff import, two requirements assigned by the real job, and people at
 * every stage (assigned, in progress, completed, overdue, expired) so compliance reads like a
 * real one. Skipped entirely once the requirements exist.
 */
@Injectable()
export class DemoTrainingSeeder {
  private readonly logger = new Logger('DemoTraining');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requestImport: RequestStaffImportService,
    private readonly importStaff: ImportStaffJob,
    private readonly requirements: RequirementsService,
    private readonly jobs: TrainingJobs,
    private readonly statuses: AssignmentStatuses,
    private readonly outline: CourseOutline,
    private readonly lessons: CompleteLessonService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many requirements it created (0 on a second run). */
  async seed(admin: Principal): Promise<number> {
    const titles = REQUIREMENTS.map((requirement) => requirement.title);
    if (await this.dataSource.getRepository(TrainingRequirement).existsBy({ title: In(titles) }))
      return 0;
    const ministry = await this.dataSource.getRepository(OrgUnit).findOneBy({ code: 'BGDDT' });
    if (!ministry) throw new Error('The demo ministry BGDDT was not created.');
    await this.importCivilServants(admin);
    let created = 0;
    for (const [index, plan] of REQUIREMENTS.entries()) {
      const course = await this.dataSource
        .getRepository(Course)
        .findOneBy({ title: plan.courseTitle, status: 'published' });
      if (!course) {
        this.logger.warn(`No published demo course "${plan.courseTitle}": ${plan.title} skipped.`);
        continue;
      }
      const input: RequirementInput = {
        title: plan.title,
        courseId: course.id,
        orgUnitId: ministry.id,
        ...('rules' in plan ? plan.rules : {}),
        ...('positions' in plan
          ? {
              positions: [...plan.positions],
              dueDate: new Date(this.clock.now().getTime() - 14 * DAY).toISOString(),
            }
          : {}),
      };
      const { requirement } = await this.requirements.create(admin, input);
      await this.jobs.syncRequirement({ requirementId: requirement.id });
      await this.spreadStages(requirement.id, course.id, index === 0);
      created += 1;
    }
    await this.statuses.refresh();
    return created;
  }

  private async importCivilServants(admin: Principal): Promise<void> {
    const staff = demoStaff(CIVIL_SERVANTS);
    const present = await this.dataSource
      .getRepository(StaffProfile)
      .countBy({ employeeCode: In(staff.map((member) => member.employeeCode)) });
    if (present === staff.length) return;
    const csv = [
      STAFF_CSV_COLUMNS.join(','),
      ...staff.map((member) => STAFF_CSV_COLUMNS.map((column) => member[column]).join(',')),
    ].join('\n');
    const { importId } = await this.requestImport.request(admin, Buffer.from(`${csv}\n`, 'utf8'));
    const outcome = await this.importStaff.run(
      { importId },
      {
        jobId: `seed-${importId}`,
        jobName: 'organizations.import-staff',
        attempt: 1,
        reportProgress: () => Promise.resolve(),
      },
    );
    if (outcome !== 'completed') throw new Error(`The civil servants' import ended ${outcome}.`);
  }

  /**
   * Every 10 people: 3 complete the course, 2 are halfway, and (for the yearly requirement) 1
   * completed more than a year ago, so their completion has expired; the rest have not started
   * (assigned, or overdue past a fixed date).
   */
  private async spreadStages(
    requirementId: string,
    courseId: string,
    yearly: boolean,
  ): Promise<void> {
    const people = await this.dataSource.query<{ userId: string }[]>(
      'SELECT `user_id` AS userId FROM `training_assignments` WHERE `requirement_id` = ? ORDER BY `user_id`',
      [requirementId],
    );
    const counted = countedLessonIds(await this.outline.lessons(courseId));
    const lapsed: string[] = [];
    const lessonsOf = people.map(({ userId }, i) => {
      const stage = i % 10;
      if (stage < 3 || (yearly && stage === 9)) {
        if (stage === 9) lapsed.push(userId);
        return { userId, lessonIds: counted };
      }
      return { userId, lessonIds: stage < 5 ? counted.slice(0, 1) : [] };
    });
    // A few learners at a time: each one's lessons in order, in their own transactions.
    for (let start = 0; start < lessonsOf.length; start += 8)
      await Promise.all(
        lessonsOf.slice(start, start + 8).map(async ({ userId, lessonIds }) => {
          for (const lessonId of lessonIds)
            await this.lessons.completeLessonForLearner(userId, lessonId);
        }),
      );
    await this.statuses.refresh(requirementId);
    if (lapsed.length > 0) {
      // Completed in an earlier year: the completion ran out with no renewal.
      const now = this.clock.now().getTime();
      await this.dataSource.query(
        "UPDATE `training_assignments` SET `completed_at` = ?, `expires_at` = ?, `status` = 'expired' WHERE `requirement_id` = ? AND `user_id` IN (?) AND `status` = 'completed'",
        [new Date(now - 400 * DAY), new Date(now - 35 * DAY), requirementId, lapsed],
      );
    }
  }
}
