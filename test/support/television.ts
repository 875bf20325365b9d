import { type AppConfig, Clock, ManualClock, newId } from '@lifelong/common';
import {
  CourseAuthoring,
  CoursePublishing,
  LessonAuthoring,
  type LessonView,
  SectionAuthoring,
} from '@lifelong/courses';
import { EnrollLearnerService } from '@lifelong/enrollment';
import type { RoleGrant } from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService } from '@lifelong/organizations';
import { TelevisionLessonsWorkerModule } from '@lifelong/television-lessons';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/create-app';
import { testConfig } from '../setup/test-env';
import { person, type Person } from './distance-lessons';
import { HttpClient } from './http-client';

export { person, type Person };

/** The api with the television worker module loaded too (its jobs run by direct calls). */
export async function televisionApp(
  clock: ManualClock,
  overrides: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; http: HttpClient; config: AppConfig }> {
  const config = testConfig({ PUBLIC_URL: 'https://hoc.example.vn', ...overrides });
  const app = await createApp(config, async (adapter) => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config), TelevisionLessonsWorkerModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    return moduleRef.createNestApplication<NestFastifyApplication>(adapter, { bufferLogs: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const http = new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  return { app, http, config };
}

/** A facility with staff, and a published course with two television lessons and a quiz. */
export interface TelevisionWorld {
  facilityId: string;
  otherFacilityId: string;
  courseId: string;
  tv1: string;
  tv2: string;
  quiz: LessonView;
  reading: string;
  admin: Person;
  instructor: Person;
  /** An instructor of another facility. */
  stranger: Person;
}

const adminGrant: RoleGrant = { role: 'admin', scopeType: null, scopeId: null };
const instructorAt = (facilityId: string): RoleGrant => ({
  role: 'instructor',
  scopeType: 'facility',
  scopeId: facilityId,
});

async function newFacility(app: INestApplicationContext, admin: Person): Promise<string> {
  const suffix = newId().slice(-8);
  const unit = await app
    .get(AdminUnitsService)
    .create(admin.principal, { code: `AU-${suffix}`, name: 'Tỉnh Lào Cai', level: 'province' });
  const created = await app.get(FacilitiesService).create(admin.principal, {
    code: `TTHTCD-${suffix}`,
    name: 'Trung tâm học tập cộng đồng Bản Phố',
    type: 'community_learning_center',
    adminUnitId: unit.id,
  });
  return created.id;
}

export async function televisionWorld(
  app: INestApplicationContext,
  options: { publish?: boolean } = {},
): Promise<TelevisionWorld> {
  const admin = await person(app, 'quan-tri', adminGrant);
  const facilityId = await newFacility(app, admin);
  const otherFacilityId = await newFacility(app, admin);
  const instructor = await person(app, 'giang-vien', instructorAt(facilityId));
  const stranger = await person(app, 'nguoi-la', instructorAt(otherFacilityId));
  const course = await app.get(CourseAuthoring).create(instructor.principal, {
    facilityId,
    title: 'An toàn nông nghiệp qua truyền hình',
    summary: 'Bài giảng phát sóng trên kênh giáo dục',
  });
  const section = await app
    .get(SectionAuthoring)
    .addSection(instructor.principal, course.id, 'Phần 1');
  const add = (lesson: Parameters<LessonAuthoring['addLesson']>[2]) =>
    app.get(LessonAuthoring).addLesson(instructor.principal, section.id, lesson);
  const tv1 = await add({ title: 'Bài 1: Phun thuốc an toàn', kind: 'television' });
  const tv2 = await add({ title: 'Bài 2: Bảo quản nông sản', kind: 'television' });
  const quiz = await add({
    title: 'Kiểm tra nhanh bài 1',
    kind: 'quiz',
    required: false,
    passMark: 100,
    questions: [
      {
        text: 'Khi phun thuốc cần gì?',
        multiple: false,
        choices: [
          { text: 'Đồ bảo hộ', correct: true },
          { text: 'Không cần gì', correct: false },
        ],
      },
    ],
  });
  const reading = await add({
    title: 'Tài liệu đọc thêm',
    kind: 'reading',
    required: false,
    body: '<p>Đọc thêm.</p>',
  });
  if (options.publish ?? true)
    await app.get(CoursePublishing).publish(instructor.principal, course.id);
  return {
    facilityId,
    otherFacilityId,
    courseId: course.id,
    tv1: tv1.id,
    tv2: tv2.id,
    quiz,
    reading: reading.id,
    admin,
    instructor,
    stranger,
  };
}

/** A signed-in learner enrolled in the course. */
export async function enrolledLearner(
  app: INestApplicationContext,
  courseId: string,
  name = 'hoc-vien',
): Promise<Person & { enrollmentId: string }> {
  const learner = await person(app, name);
  const { enrollment } = await app.get(EnrollLearnerService).enroll(learner.userId, courseId);
  return { ...learner, enrollmentId: enrollment.id };
}

export { ManualClock };

export interface CreatedAiring {
  id: string;
  code: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A 45-minute evening airing of `lessonId` on the `day`-th day after 1 December 2026 (each test
 * takes a day of its own), scheduled by the holder of `token`, as staff see it.
 */
export async function createAiring(
  http: HttpClient,
  token: string,
  { channelId, lessonId, day }: { channelId: string; lessonId: string; day: number },
): Promise<CreatedAiring> {
  const date = `2026-12-${String(day + 1).padStart(2, '0')}`;
  const created = await http.post('/api/v1/broadcasts', {
    token,
    body: {
      channelId,
      lessonId,
      startsAt: `${date}T19:00:00+07:00`,
      endsAt: `${date}T19:45:00+07:00`,
    },
  });
  expect(created.status).toBe(201);
  return {
    id: created.body.id as string,
    code: created.body.attendanceCode as string,
    startsAt: new Date(created.body.startsAt as string),
    endsAt: new Date(created.body.endsAt as string),
  };
}
