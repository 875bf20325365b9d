import {
  CourseAuthoring,
  CourseCatalogue,
  CourseError,
  CoursePublishing,
  LessonAuthoring,
  SectionAuthoring,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coursesModule, insertUser, instructorAt, principal, seedWorld } from './courses-testing';

describe('course codes through the services', () => {
  let moduleRef: TestingModule;
  let ids: Record<string, string>;
  let teacher: Principal;
  let stranger: Principal;
  let authoring: CourseAuthoring;

  beforeAll(async () => {
    moduleRef = await coursesModule();
    ({ ids } = await seedWorld(moduleRef));
    const dataSource = moduleRef.get(DataSource);
    teacher = principal(await insertUser(dataSource, 'ma@bd.vn'), instructorAt(ids.BD!));
    stranger = principal(await insertUser(dataSource, 'ma@sp.vn'), instructorAt(ids.SP!));
    authoring = moduleRef.get(CourseAuthoring);
  });

  afterAll(() => moduleRef.close());

  const create = (by: Principal, facility: string, code?: string | null) =>
    authoring.create(by, { facilityId: ids[facility]!, title: 'Khóa có mã', summary: 'Thử', code });

  const codeOf = async (courseId: string): Promise<string | null> => {
    const [row] = await moduleRef
      .get(DataSource)
      .query<{ code: string | null }[]>('SELECT `code` FROM `courses` WHERE `id` = ?', [courseId]);
    return row!.code;
  };

  it('lets exactly one of many concurrent creators take a code', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        create(i % 2 ? stranger : teacher, i % 2 ? 'SP' : 'BD', i % 2 ? 'race-1' : 'RACE-1'),
      ),
    );
    const made = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(made).toHaveLength(1);
    expect(made[0]!.value.code).toBe('RACE-1');
    for (const outcome of outcomes)
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(CourseError);
        expect(outcome.reason).toMatchObject({ code: 'COURSE_CODE_TAKEN', kind: 'conflict' });
      }
    const [{ n }] = await moduleRef
      .get(DataSource)
      .query<[{ n: string }]>("SELECT COUNT(*) AS n FROM `courses` WHERE `code` = 'RACE-1'");
    expect(Number(n)).toBe(1);
  });

  it('lets exactly one of two concurrent patches take a code', async () => {
    const [a, b] = [await create(teacher, 'BD'), await create(stranger, 'SP')];
    const outcomes = await Promise.allSettled([
      authoring.update(teacher, a.id, { code: 'RACE-2' }),
      authoring.update(stranger, b.id, { code: 'race-2' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(new Set([await codeOf(a.id), await codeOf(b.id)])).toEqual(new Set([null, 'RACE-2']));
  });

  it('keeps many courses without a code, and a malformed code out', async () => {
    const plain = [await create(teacher, 'BD'), await create(teacher, 'BD', null)];
    expect(plain.map((course) => course.code)).toEqual([null, null]);
    await expect(create(teacher, 'BD', 'có dấu')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { code: [expect.any(String)] } },
    });
    await expect(authoring.update(teacher, plain[0]!.id, { code: '' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('changes the code of a published course, shows it in the catalogue, freezes it when archived', async () => {
    const course = await create(teacher, 'BD', 'kns-01');
    const section = await moduleRef.get(SectionAuthoring).addSection(teacher, course.id, 'Phần 1');
    await moduleRef
      .get(LessonAuthoring)
      .addLesson(teacher, section.id, { title: 'Đọc', kind: 'reading', body: '<p>Bài</p>' });
    const publishing = moduleRef.get(CoursePublishing);
    await publishing.publish(teacher, course.id);
    const renamed = await authoring.update(teacher, course.id, { code: 'KNS-02' });
    expect(renamed).toMatchObject({ code: 'KNS-02', status: 'published' });
    const listed = await moduleRef
      .get(CourseCatalogue)
      .list({ facilityId: ids.BD }, { page: 1, pageSize: 100 });
    expect(listed.items.map((item) => [item.id, item.code])).toEqual([[course.id, 'KNS-02']]);
    await publishing.archive(teacher, course.id);
    await expect(authoring.update(teacher, course.id, { code: null })).rejects.toMatchObject({
      code: 'COURSE_ARCHIVED',
    });
    expect(await codeOf(course.id)).toBe('KNS-02');
  });
});
