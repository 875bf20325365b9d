import { newId } from '@lifelong/common';
import {
  CourseAuthoring,
  CoursePublishing,
  LessonAuthoring,
  LessonVideos,
  type NewLesson,
  SectionAuthoring,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { AdminUnitsService, FacilitiesService } from '@lifelong/organizations';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * Learners, a facility and published courses built through the real services, for enrollment's
 * integration tests, end-to-end tests and the progress benchmark.
 */

/** Inserts learners (no password) in one statement; returns their ids in order. */
export async function insertLearners(
  dataSource: DataSource,
  count: number,
  tag = newId().slice(-8),
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => newId());
  await dataSource.query('INSERT INTO `users` (`id`, `email`, `full_name`) VALUES ?', [
    ids.map((id, i) => [id, `hoc.vien.${tag}.${i}@example.vn`, `Học Viên ${i}`]),
  ]);
  return ids;
}

/** A platform administrator (a real user row), who may author courses anywhere. */
export async function platformAdmin(dataSource: DataSource): Promise<Principal> {
  const [userId] = await insertLearners(dataSource, 1, `admin-${newId().slice(-8)}`);
  return {
    userId: userId!,
    email: 'admin@example.vn',
    roles: [{ role: 'admin', scopeType: null, scopeId: null }],
  };
}

/** A facility in a province of its own. */
export async function facility(app: INestApplicationContext, admin: Principal): Promise<string> {
  const suffix = newId().slice(-8);
  const unit = await app
    .get(AdminUnitsService)
    .create(admin, { code: `AU-${suffix}`, name: 'Tỉnh Thử', level: 'province' });
  const created = await app.get(FacilitiesService).create(admin, {
    code: `F-${suffix}`,
    name: 'Trung tâm học tập cộng đồng Thử',
    type: 'community_learning_center',
    adminUnitId: unit.id,
  });
  return created.id;
}

/** A lesson to build: a video lesson also gets a ready video of `durationSeconds`. */
export type LessonSpec = NewLesson & { durationSeconds?: number };

export interface CourseSpec {
  capacity?: number | null;
  enrollmentOpensAt?: Date | null;
  enrollmentClosesAt?: Date | null;
  lessons?: LessonSpec[];
  /** Default true. */
  publish?: boolean;
}

/** Default: one required ten-minute video lesson. */
const ONE_VIDEO: LessonSpec[] = [{ title: 'Bài giảng', kind: 'video', durationSeconds: 600 }];

/** A course built through the courses services, published unless asked not to. */
export async function buildCourse(
  app: INestApplicationContext,
  admin: Principal,
  facilityId: string,
  spec: CourseSpec = {},
): Promise<{ courseId: string; lessonIds: string[] }> {
  const course = await app.get(CourseAuthoring).create(admin, {
    facilityId,
    title: `Khoá học thử ${newId().slice(-6)}`,
    summary: 'Khoá học dùng cho kiểm thử',
    capacity: spec.capacity ?? null,
    enrollmentOpensAt: spec.enrollmentOpensAt ?? null,
    enrollmentClosesAt: spec.enrollmentClosesAt ?? null,
  });
  const section = await app.get(SectionAuthoring).addSection(admin, course.id, 'Phần 1');
  const lessonIds: string[] = [];
  for (const { durationSeconds, ...lesson } of spec.lessons ?? ONE_VIDEO) {
    const created = await app.get(LessonAuthoring).addLesson(admin, section.id, lesson);
    if (durationSeconds !== undefined)
      await app
        .get(LessonVideos)
        .attachLessonVideo(created.id, { videoId: newId(), ready: true, durationSeconds });
    lessonIds.push(created.id);
  }
  if (spec.publish ?? true) await app.get(CoursePublishing).publish(admin, course.id);
  return { courseId: course.id, lessonIds };
}

/** The outbox events of one type, payloads parsed (MariaDB returns JSON as text). */
export async function outboxEvents(
  dataSource: DataSource,
  type: string,
): Promise<Record<string, string>[]> {
  const rows = await dataSource.query<{ payload: unknown }[]>(
    'SELECT `payload` FROM `outbox_events` WHERE `type` = ? ORDER BY `id`',
    [type],
  );
  return rows.map(
    (row) =>
      (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
        string,
        string
      >,
  );
}
