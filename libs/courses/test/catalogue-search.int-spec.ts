import {
  CourseAuthoring,
  CourseCatalogue,
  CoursePublishing,
  LessonAuthoring,
  SectionAuthoring,
} from '@lifelong/courses';
import type { Principal } from '@lifelong/identity';
import type { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { coursesModule, seedWorld } from './courses-testing';

const page = (pageSize = 20) => ({ page: 1, pageSize });

// Catalogue search and filters against MariaDB/MySQL through the real services.
describe('catalogue search', () => {
  let moduleRef: TestingModule;
  let catalogue: CourseCatalogue;
  let admin: Principal;
  let ids: Record<string, string>;
  const titles = new Map<string, string>();

  async function published(facility: string, title: string, tags: string[] = []): Promise<string> {
    const course = await moduleRef.get(CourseAuthoring).create(admin, {
      facilityId: ids[facility]!,
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
    titles.set(course.id, title);
    return course.id;
  }

  const search = async (filter: Parameters<CourseCatalogue['list']>[0]) =>
    (await catalogue.list(filter, page(100))).items.map((course) => course.title).sort();

  beforeAll(async () => {
    moduleRef = await coursesModule();
    catalogue = moduleRef.get(CourseCatalogue);
    ({ ids, admin } = await seedWorld(moduleRef));
    await published('BD', 'Học tập suốt đời: phương pháp tự học', ['Kỹ năng mềm']);
    await published('SS', 'Kỹ năng số cho mọi người', ['kỹ năng số']);
    await published('SP', 'An toàn thông tin cho cán bộ, công chức', ['An toàn']);
    await published('SP', 'Đi an toàn trên đường đèo', ['giao thông']);
    await published('BD', 'English for the world of work');
    // A draft never shows, whatever matches it.
    await moduleRef.get(CourseAuthoring).create(admin, {
      facilityId: ids.BD!,
      title: 'Học tập bản nháp',
      summary: 'Chưa xuất bản',
    });
  });

  afterAll(() => moduleRef.close());

  it('finds "Học tập suốt đời" without diacritics, in any case, by a prefix', async () => {
    const wanted = ['Học tập suốt đời: phương pháp tự học'];
    expect(await search({ q: 'hoc tap suot doi' })).toEqual(wanted);
    expect(await search({ q: 'học tập' })).toEqual(wanted);
    expect(await search({ q: 'HOC TAP' })).toEqual(wanted);
    expect(await search({ q: 'Học Tập SUỐT' })).toEqual(wanted);
    expect(await search({ q: 'hoc ta' })).toEqual(wanted);
    expect(await search({ q: 'phương pháp' })).toEqual(wanted);
  });

  it('treats đ and d alike, both ways', async () => {
    expect(await search({ q: 'duong deo' })).toEqual(['Đi an toàn trên đường đèo']);
    expect(await search({ q: 'ĐƯỜNG ĐÈO' })).toEqual(['Đi an toàn trên đường đèo']);
    expect(await search({ q: 'suot đoi' })).toEqual(['Học tập suốt đời: phương pháp tự học']);
  });

  it('finds one- and two-letter syllables and English stopwords', async () => {
    expect(await search({ q: 'di an toan' })).toEqual(['Đi an toàn trên đường đèo']);
    expect(await search({ q: 'an toan' })).toEqual([
      'An toàn thông tin cho cán bộ, công chức',
      'Đi an toàn trên đường đèo',
    ]);
    expect(await search({ q: 'for the world' })).toEqual(['English for the world of work']);
  });

  it('requires every word', async () => {
    expect(await search({ q: 'an toan thong tin' })).toEqual([
      'An toàn thông tin cho cán bộ, công chức',
    ]);
    expect(await search({ q: 'hoc tap ky nang so' })).toEqual([]);
    // One word may answer both a whole word and the prefix typed after it.
    expect(await search({ q: 'an toan a' })).toEqual([
      'An toàn thông tin cho cán bộ, công chức',
      'Đi an toàn trên đường đèo',
    ]);
  });

  it('searches tags too, and filters by a tag however it is typed', async () => {
    expect(await search({ q: 'giao thong' })).toEqual(['Đi an toàn trên đường đèo']);
    expect(await search({ tag: 'KY NANG SO' })).toEqual(['Kỹ năng số cho mọi người']);
    expect(await search({ tag: 'kỹ năng mềm', q: 'hoc' })).toEqual([
      'Học tập suốt đời: phương pháp tự học',
    ]);
    expect(await search({ tag: '!!!' })).toEqual([]);
  });

  it('lists everything published for punctuation-only, emoji or blank queries', async () => {
    const everything = await search({});
    expect(everything).toHaveLength(5);
    expect(await search({ q: '!!! ... ???' })).toEqual(everything);
    expect(await search({ q: '🎓🔥' })).toEqual(everything);
  });

  it('takes SQL and full-text metacharacters as plain text', async () => {
    for (const q of ['"; -- /* */', '%', '_', '\\', '+-*~<>()@"', "'"])
      expect(await search({ q })).toHaveLength(5);
    // Only the words count: "or" and "1" are in no course.
    expect(await search({ q: "' OR 1=1 --" })).toEqual([]);
    expect(await search({ q: "hoc' OR '1'='1" })).toEqual([]);
    expect(await search({ q: 'học%' })).toEqual(['Học tập suốt đời: phương pháp tự học']);
    expect(await search({ q: 'học 🎓 tập' })).toEqual(['Học tập suốt đời: phương pháp tự học']);
  });

  it('filters by facility and by administrative subtree', async () => {
    expect(await search({ facilityId: ids.SP })).toEqual([
      'An toàn thông tin cho cán bộ, công chức',
      'Đi an toàn trên đường đèo',
    ]);
    expect(await search({ adminUnitId: ids.hanoi })).toEqual([
      'English for the world of work',
      'Học tập suốt đời: phương pháp tự học',
      'Kỹ năng số cho mọi người',
    ]);
    expect(await search({ adminUnitId: ids.socson })).toEqual(['Kỹ năng số cho mọi người']);
    expect(await search({ adminUnitId: ids.laocai, q: 'an toan thong tin' })).toEqual([
      'An toàn thông tin cho cán bộ, công chức',
    ]);
    expect(await search({ adminUnitId: '00000000-0000-7000-8000-000000000000' })).toEqual([]);
  });

  it('pages newest first and counts every match', async () => {
    const first = await catalogue.list({}, page(2));
    const second = await catalogue.list({}, { page: 2, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((c) => c.id)).not.toContain(first.items[0]!.id);
    expect(first.items[0]!.tags).toBeInstanceOf(Array);
  });

  it('counts a few pages ahead and says when there are more', async () => {
    // Five pages of one course ahead of page 2 are counted (1 + 6): all five courses fit.
    expect(await catalogue.list({}, { page: 2, pageSize: 1 })).toMatchObject({
      total: 5,
      totalCapped: false,
    });
    // Page 1 of size 1 counts up to 6 courses… still all five; a search is counted alike.
    expect(await catalogue.list({ q: 'an' }, { page: 1, pageSize: 1 })).toMatchObject({
      total: 2,
      totalCapped: false,
    });
  });

  it('shows a course the moment it is published and hides it the moment it is archived', async () => {
    const id = await published('SS', 'Làm vườn trên sân thượng', ['Nông nghiệp đô thị']);
    expect((await catalogue.list({ q: 'san thuong' }, page())).items.map((c) => c.id)).toEqual([
      id,
    ]);
    expect((await catalogue.list({ q: 'nong nghiep do' }, page())).items).toHaveLength(1);
    await moduleRef.get(CoursePublishing).archive(admin, id);
    expect((await catalogue.list({ q: 'san thuong' }, page())).items).toEqual([]);
    expect(await search({})).toHaveLength(5);
  });

  it('finds a published course by its new words the moment it is edited, by no old ones', async () => {
    const id = await published('BD', 'Gấp giấy nghệ thuật', ['Thủ công']);
    await moduleRef.get(CourseAuthoring).update(admin, id, {
      title: 'Cắt giấy nghệ thuật',
      summary: 'Cắt giấy thành hình',
      tags: ['Mỹ thuật'],
    });
    const found = async (filter: Parameters<CourseCatalogue['list']>[0]) =>
      (await catalogue.list(filter, page())).items.map((course) => course.id);
    expect(await found({ q: 'cat giay' })).toEqual([id]);
    expect(await found({ tag: 'mỹ thuật' })).toEqual([id]);
    expect(await found({ q: 'gap giay' })).toEqual([]);
    expect(await found({ tag: 'thủ công' })).toEqual([]);
    await moduleRef.get(CoursePublishing).archive(admin, id);
    expect(await found({ q: 'cat giay' })).toEqual([]);
    expect(await found({ facilityId: ids.BD! })).not.toContain(id);
  });

  it('finds a course by its new words after an edit, and no longer by the old ones', async () => {
    const course = await moduleRef.get(CourseAuthoring).create(admin, {
      facilityId: ids.BD!,
      title: 'Nhập môn nhiếp ảnh',
      summary: 'Chụp ảnh bằng điện thoại',
    });
    await moduleRef.get(CourseAuthoring).update(admin, course.id, {
      title: 'Nhập môn quay phim',
      tags: ['Truyền thông'],
    });
    const words = await moduleRef
      .get(DataSource)
      .query<{ term: string }[]>(
        'SELECT `term` FROM `course_search_terms` WHERE `course_id` = ? ORDER BY `term`',
        [course.id],
      );
    expect(words.map((row) => row.term)).toEqual([
      'anh',
      'bang',
      'chup',
      'dien',
      'mon',
      'nhap',
      'phim',
      'quay',
      'thoai',
      'thong',
      'truyen',
    ]);
  });
});
