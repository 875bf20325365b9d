import { Course, CourseOutline, type LessonRule } from '@lifelong/courses';
import {
  CompleteLessonService,
  EnrollLearnerService,
  Enrollment,
  SubmitQuizAttemptService,
  WithdrawEnrollmentService,
} from '@lifelong/enrollment';
import { User } from '@lifelong/identity';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { demoStaff } from './demo-data';
import { DEMO_ENROLLMENTS, type DemoEnrollment } from './demo-enrollments-data';

/**
 * Puts the demo learners at their stages through the enrollment services. A learner already
 * enrolled in the course (at any stage) is left alone, so a second run creates nothing. A course
 * that is not there (or not published) is skipped with a warning.
 */
@Injectable()
export class DemoEnrollmentSeeder {
  private readonly logger = new Logger('DemoEnrollments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outline: CourseOutline,
    private readonly enroll: EnrollLearnerService,
    private readonly withdrawals: WithdrawEnrollmentService,
    private readonly completions: CompleteLessonService,
    private readonly quizzes: SubmitQuizAttemptService,
  ) {}

  /** Returns how many enrollments it made (demo learners and the staff filling a course). */
  async seed(): Promise<number> {
    const users = await this.userIds(DEMO_ENROLLMENTS.map((plan) => plan.email));
    const courses = await this.publishedCourseIds(DEMO_ENROLLMENTS.map((plan) => plan.courseTitle));
    let created = 0;
    for (const plan of DEMO_ENROLLMENTS) {
      const userId = users.get(plan.email);
      const courseId = courses.get(plan.courseTitle);
      if (!userId) throw new Error(`The demo learner ${plan.email} was not created.`);
      if (!courseId) {
        this.logger.warn(
          `No published demo course "${plan.courseTitle}": ${plan.email} is not enrolled (${plan.stage}).`,
        );
        continue;
      }
      const known = await this.dataSource.getRepository(Enrollment).existsBy({ courseId, userId });
      if (known) continue;
      created += await this.bringTo(plan, userId, courseId);
    }
    return created;
  }

  private async bringTo(plan: DemoEnrollment, userId: string, courseId: string): Promise<number> {
    const filled = plan.stage === 'waitlisted' ? await this.fillWithStaff(courseId) : 0;
    const { enrollment } = await this.enroll.enroll(userId, courseId);
    switch (plan.stage) {
      case 'enrolled':
      case 'waitlisted':
        break;
      case 'withdrawn':
        await this.withdrawals.withdraw(userId, enrollment.id);
        break;
      case 'halfway':
      case 'completed':
        await this.learn(plan, userId, enrollment.id, courseId);
        break;
    }
    return filled + 1;
  }

  /** Required readings done; for "completed", required quizzes passed too. */
  private async learn(
    plan: DemoEnrollment,
    userId: string,
    enrollmentId: string,
    courseId: string,
  ): Promise<void> {
    const required = (await this.outline.lessons(courseId)).filter((lesson) => lesson.required);
    for (const lesson of required.filter((candidate) => candidate.kind === 'reading'))
      await this.completions.markReadingDone(userId, enrollmentId, lesson.lessonId);
    if (plan.stage !== 'completed') return;
    for (const lesson of required.filter((candidate) => candidate.kind === 'quiz'))
      await this.passQuiz(userId, enrollmentId, lesson);
    const others = required.filter((lesson) => lesson.kind !== 'reading' && lesson.kind !== 'quiz');
    if (others.length > 0)
      this.logger.warn(
        `"${plan.courseTitle}" has required ${others.map((l) => l.kind).join(', ')} lessons ` +
          `that demo data cannot complete: ${plan.email} stays in progress.`,
      );
  }

  private async passQuiz(userId: string, enrollmentId: string, lesson: LessonRule): Promise<void> {
    const key = await this.outline.quizKey(lesson.lessonId);
    if (!key) return;
    const answers = key.questions.map((question) => ({
      questionId: question.id,
      choiceIds: question.correctChoiceIds,
    }));
    await this.quizzes.submit(userId, enrollmentId, lesson.lessonId, answers);
  }

  /** Enrolls demo staff until the course has no free seat, so the next learner waits. */
  private async fillWithStaff(courseId: string): Promise<number> {
    const course = await this.dataSource.getRepository(Course).findOneByOrFail({ id: courseId });
    if (course.capacity === null) return 0;
    const free = course.capacity - course.activeEnrollments;
    const staff = await this.userIds(demoStaff().map((member) => member.email));
    let enrolled = 0;
    for (const userId of [...staff.values()].slice(0, Math.max(0, free))) {
      if ((await this.enroll.enroll(userId, courseId)).created) enrolled += 1;
    }
    return enrolled;
  }

  private async userIds(emails: string[]): Promise<Map<string, string>> {
    const users = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true, email: true }, where: { email: In(emails) } });
    return new Map(users.map((user) => [user.email, user.id]));
  }

  private async publishedCourseIds(titles: string[]): Promise<Map<string, string>> {
    const courses = await this.dataSource.getRepository(Course).find({
      select: { id: true, title: true },
      where: { title: In(titles), status: 'published' },
      order: { createdAt: 'ASC' },
    });
    const ids = new Map<string, string>();
    for (const course of courses) if (!ids.has(course.title)) ids.set(course.title, course.id);
    return ids;
  }
}
