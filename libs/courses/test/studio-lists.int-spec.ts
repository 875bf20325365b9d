import {
  CourseAuthoring,
  CourseCatalogue,
  CoursePublishing,
  LessonAuthoring,
  ReviewPolicies,
  SectionAuthoring,
  StudioCourses,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coursesModule, insertUser, instructorAt, principal, seedWorld } from './courses-testing';

const PAGE = { page: 1, pageSize: 20 };

describe("the studio's lists", () => {
  let moduleRef: TestingModule;
  let ids: Record<string, string>;
  let admin: Principal;
  let teacher: Principal;
  let reviewer: Principal;
  let provincial: Principal;
  let studio: StudioCourses;
  let authoring: CourseAuthoring;

  beforeAll(async () => {
    moduleRef = await coursesModule();
    ({ ids, admin } = await seedWorld(moduleRef));
    const dataSource = moduleRef.get(DataSource);
    teacher = principal(await insertUser(dataSource, 'gv@studio.vn'), instructorAt(ids.BD!));
    reviewer = principal(await insertUser(dataSource, 'ql@studio.vn'), {
      role: 'facility_admin',
      scopeType: 'facility',
      scopeId: ids.BD!,
    });
    provincial = principal(await insertUser(dataSource, 'tinh@studio.vn'), {
      role: 'admin',
      scopeType: 'admin_unit',
      scopeId: ids.hanoi!,
    });
    studio = moduleRef.get(StudioCourses);
    authoring = moduleRef.get(CourseAuthoring);
  });

  afterAll(() => moduleRef.close());

  const course = (facility: string, title: string) =>
    authoring.create(admin, { facilityId: ids[facility]!, title, summary: 'Tóm tắt' });

  it('lists the courses of the facilities the caller authors for, in every state', async () => {
    const draft = await course('BD', 'Bản nháp Ba Đình');
    const elsewhere = await course('SP', 'Khoá Sa Pa');
    const socSon = await course('SS', 'Khoá Sóc Sơn');
    await moduleRef.get(CoursePublishing).archive(admin, socSon.id);

    const mine = await studio.courses(teacher, {}, PAGE);
    expect(mine.items.map((item) => item.id)).toContain(draft.id);
    expect(mine.items.map((item) => item.id)).not.toContain(elsewhere.id);
    expect(mine.items.find((item) => item.id === draft.id)?.facilityName).toBe('Trung tâm BD');

    // An admin of Hà Nội works at every facility of the province, not at Lào Cai's.
    const province = await studio.courses(provincial, { status: 'archived' }, PAGE);
    expect(province.items.map((item) => item.id)).toEqual([socSon.id]);
    expect((await studio.courses(provincial, { status: 'draft' }, PAGE)).items).not.toContainEqual(
      expect.objectContaining({ id: elsewhere.id }),
    );

    const searched = await studio.courses(teacher, { q: 'ba dinh' }, PAGE);
    expect(searched.items.map((item) => item.id)).toEqual([draft.id]);

    const learner = principal(teacher.userId);
    expect(await studio.courses(learner, {}, PAGE)).toMatchObject({ items: [], total: 0 });
  });

  it('lists the facilities, whether they review, and where the caller approves', async () => {
    await moduleRef.get(ReviewPolicies).set(admin, ids.BD!, true);
    expect((await studio.facilities(teacher, PAGE)).items).toEqual([
      expect.objectContaining({ id: ids.BD, requiresReview: true, approver: false }),
    ]);
    expect((await studio.facilities(reviewer, PAGE)).items).toEqual([
      expect.objectContaining({ id: ids.BD, approver: true }),
    ]);
    const province = await studio.facilities(provincial, PAGE);
    expect(province.items.map((item) => item.id).sort()).toEqual([ids.BD, ids.SS].sort());
  });

  it('gives a facility admin the courses in review at their facility, to approve or return', async () => {
    const ready = async (title: string) => {
      const created = await course('BD', title);
      const section = await moduleRef
        .get(SectionAuthoring)
        .addSection(teacher, created.id, 'Phần 1');
      await moduleRef.get(LessonAuthoring).addLesson(teacher, section.id, {
        title: 'Đọc',
        kind: 'reading',
        body: '<p>Nội dung</p>',
      });
      return moduleRef.get(CoursePublishing).publish(teacher, created.id);
    };
    const first = await ready('Chờ duyệt 1');
    const second = await ready('Chờ duyệt 2');
    expect([first.status, second.status]).toEqual(['in_review', 'in_review']);
    const queue = await studio.courses(reviewer, { status: 'in_review', approving: true }, PAGE);
    // In order of their last change (to the second: two made in one second may come either way).
    expect(queue.items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
    // Returned with a comment: a draft again, the comment for its staff only, until sent again.
    const publishing = moduleRef.get(CoursePublishing);
    await expect(publishing.returnToAuthors(teacher, first.id, 'Không')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const returned = await publishing.returnToAuthors(reviewer, first.id, ' Thiếu ví dụ. ');
    expect(returned.status).toBe('draft');
    const catalogue = moduleRef.get(CourseCatalogue);
    expect((await catalogue.detail(teacher, first.id)).reviewNote).toMatchObject({
      comment: 'Thiếu ví dụ.',
    });
    await expect(publishing.returnToAuthors(reviewer, first.id, 'Lần nữa')).rejects.toMatchObject({
      code: 'COURSE_NOT_IN_REVIEW',
    });
    await publishing.publish(teacher, first.id);
    expect((await catalogue.detail(teacher, first.id)).reviewNote).toBeNull();
    expect(
      (await studio.courses(reviewer, { status: 'in_review', approving: true }, PAGE)).total,
    ).toBe(2);

    // An instructor approves nothing: their review queue is empty.
    expect(
      (await studio.courses(teacher, { status: 'in_review', approving: true }, PAGE)).total,
    ).toBe(0);
  });
});
