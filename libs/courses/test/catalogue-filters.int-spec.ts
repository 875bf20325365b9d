import {
  CourseAuthoring,
  CourseCatalogue,
  CoursePublishing,
  LessonAuthoring,
  SectionAuthoring,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import { FacilitiesService } from '@lifelong/organizations';
import type { TestingModule } from '@nestjs/testing';
import { coursesModule, seedWorld } from './courses-testing';

// What the catalogue page offers a visitor besides the search box: the facility type filter,
// the tags to pick from, and where a course's facility is.
describe('catalogue filters and the course page facility', () => {
  let moduleRef: TestingModule;
  let catalogue: CourseCatalogue;
  let admin: Principal;
  let ids: Record<string, string>;
  let itCourseId: string;

  async function published(facilityId: string, title: string, tags: string[]): Promise<string> {
    const course = await moduleRef.get(CourseAuthoring).create(admin, {
      facilityId,
      title,
      summary: `Giới thiệu: ${title}`,
      tags,
    });
    const section = await moduleRef.get(SectionAuthoring).addSection(admin, course.id, 'Phần 1');
    await moduleRef.get(LessonAuthoring).addLesson(admin, section.id, {
      title: 'Bài đọc',
      kind: 'reading',
      body: '<p>Nội dung</p>',
    });
    await moduleRef.get(CoursePublishing).publish(admin, course.id);
    return course.id;
  }

  beforeAll(async () => {
    moduleRef = await coursesModule();
    catalogue = moduleRef.get(CourseCatalogue);
    ({ ids, admin } = await seedWorld(moduleRef));
    const itCenter = await moduleRef.get(FacilitiesService).create(admin, {
      code: `F-NN-${Date.now()}`,
      name: 'Trung tâm Ngoại ngữ - Tin học Ba Đình',
      type: 'foreign_language_it_center',
      adminUnitId: ids.badinh!,
    });
    itCourseId = await published(itCenter.id, 'Tin học văn phòng', ['Kỹ năng số', 'Tin học']);
    await published(ids.BD!, 'Học tập suốt đời', ['kỹ năng số']);
    await published(ids.SP!, 'Trồng chè an toàn', ['Nông nghiệp']);
    await moduleRef.get(CourseAuthoring).create(admin, {
      facilityId: ids.BD!,
      title: 'Bản nháp',
      summary: 'Chưa xuất bản',
      tags: ['Chỉ bản nháp'],
    });
  });

  afterAll(() => moduleRef.close());

  const titles = async (filter: Parameters<CourseCatalogue['list']>[0]) =>
    (await catalogue.list(filter, { page: 1, pageSize: 100 })).items.map((c) => c.title).sort();

  it('filters by the kind of facility, alone or with text and place', async () => {
    expect(await titles({ facilityType: 'foreign_language_it_center' })).toEqual([
      'Tin học văn phòng',
    ]);
    expect(await titles({ facilityType: 'community_learning_center' })).toEqual([
      'Học tập suốt đời',
      'Trồng chè an toàn',
    ]);
    expect(
      await titles({ facilityType: 'community_learning_center', adminUnitId: ids.hanoi }),
    ).toEqual(['Học tập suốt đời']);
    expect(await titles({ facilityType: 'community_learning_center', q: 'tin hoc' })).toEqual([]);
    expect(await titles({ facilityType: 'university' })).toEqual([]);
  });

  it('lists the tags of published courses, most used first, each once however typed', async () => {
    const tags = await catalogue.tags({ page: 1, pageSize: 100 });
    expect(tags.total).toBe(3);
    // "Kỹ năng số" and "kỹ năng số" are one tag, shown under one of its spellings.
    expect(tags.items[0]?.tag.toLowerCase()).toBe('kỹ năng số');
    expect(tags.items[0]?.courses).toBe(2);
    expect(tags.items.slice(1)).toEqual([
      { tag: 'Nông nghiệp', courses: 1 },
      { tag: 'Tin học', courses: 1 },
    ]);
    const second = await catalogue.tags({ page: 2, pageSize: 2 });
    expect(second.items).toEqual([{ tag: 'Tin học', courses: 1 }]);
  });

  it("names a course's facility, its kind and its place up to the province", async () => {
    const course = await catalogue.detail(null, itCourseId);
    expect(course.facility).toMatchObject({
      name: 'Trung tâm Ngoại ngữ - Tin học Ba Đình',
      type: 'foreign_language_it_center',
      place: 'badinh, hanoi',
    });
  });
});
