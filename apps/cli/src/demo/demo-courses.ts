import {
  Course,
  CourseAuthoring,
  CoursePublishing,
  LessonAuthoring,
  type NewLesson,
  SectionAuthoring,
} from '@lifelong/courses';
import { type Principal, User } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull } from 'typeorm';
import { DEMO_COURSES, type DemoCourse, type DemoLesson } from './demo-courses-data';
import { DEMO_ACCOUNTS } from './demo-data';

/**
 * Loads the demo courses through the authoring and publishing services, so every rule holds
 * (sanitized readings, validated quizzes, readiness). A course is found by its code (or, when
 * seeded before courses had codes, by facility and title, and given its code): a second run
 * creates nothing; a course left in draft by an interrupted run is published.
 */
@Injectable()
export class DemoCourseSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authoring: CourseAuthoring,
    private readonly sections: SectionAuthoring,
    private readonly lessons: LessonAuthoring,
    private readonly publishing: CoursePublishing,
  ) {}

  /**
   * Returns how many courses it created (or gave their code). A facility's demo instructor (giangvien@… at DH-MO-HN)
   * authors its courses; the administrator authors the others.
   */
  async seed(admin: Principal, facilityIds: Map<string, string>): Promise<number> {
    const instructors = await this.instructors(facilityIds);
    const authorOf = (code: string): Principal => instructors.get(code) ?? admin;
    const existing = await this.dataSource.getRepository(Course).find({
      select: { id: true, facilityId: true, code: true, title: true, status: true },
      where: [
        { code: In(DEMO_COURSES.map((demo) => demo.code)) },
        { facilityId: In([...facilityIds.values()]), code: IsNull() },
      ],
    });
    const found = new Map(
      existing.map((course) => [course.code ?? `${course.facilityId}|${course.title}`, course]),
    );
    let created = 0;
    for (const demo of DEMO_COURSES) {
      const facilityId = facilityIds.get(demo.facilityCode);
      if (!facilityId)
        throw new Error(
          `Demo course "${demo.title}" names ${demo.facilityCode}, which was not created.`,
        );
      const author = authorOf(demo.facilityCode);
      const course = found.get(demo.code) ?? found.get(`${facilityId}|${demo.title}`);
      if (course && course.code === null) {
        await this.authoring.update(author, course.id, { code: demo.code });
        created += 1;
      }
      if (course?.status === 'draft') await this.publishing.publish(author, course.id);
      if (course) continue;
      await this.create(author, facilityId, demo);
      created += 1;
    }
    return created;
  }

  private async instructors(facilityIds: Map<string, string>): Promise<Map<string, Principal>> {
    const accounts = DEMO_ACCOUNTS.filter(
      (account) => account.role === 'instructor' && account.scope?.scopeType === 'facility',
    );
    const users = await this.dataSource.getRepository(User).find({
      select: { id: true, email: true },
      where: { email: In(accounts.map((account) => account.email)) },
    });
    const byCode = new Map<string, Principal>();
    for (const account of accounts) {
      const user = users.find((candidate) => candidate.email === account.email);
      const scopeId = facilityIds.get(account.scope!.code);
      if (!user || !scopeId) continue;
      byCode.set(account.scope!.code, {
        userId: user.id,
        email: user.email,
        roles: [{ role: 'instructor', scopeType: 'facility', scopeId }],
      });
    }
    return byCode;
  }

  private async create(author: Principal, facilityId: string, demo: DemoCourse): Promise<void> {
    const { sections, facilityCode: _code, ...fields } = demo;
    const course = await this.authoring.create(author, { ...fields, facilityId });
    for (const part of sections) {
      const section = await this.sections.addSection(author, course.id, part.title);
      for (const lesson of part.lessons)
        await this.lessons.addLesson(author, section.id, newLesson(lesson));
    }
    await this.publishing.publish(author, course.id);
  }
}

function newLesson(lesson: DemoLesson): NewLesson {
  switch (lesson.kind) {
    case 'video':
    case 'television':
      // Optional until videos can be ready and attendance recorded (see demo-courses-data.ts).
      return { title: lesson.title, kind: lesson.kind, required: false };
    case 'reading':
      return { title: lesson.title, kind: 'reading', body: lesson.body };
    case 'quiz':
      return {
        title: lesson.title,
        kind: 'quiz',
        questions: lesson.questions,
        passMark: lesson.passMark,
        attemptLimit: lesson.attemptLimit,
      };
  }
}
