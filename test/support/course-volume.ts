import { newId } from '@lifelong/common';
import { documentTerms, searchDocument, tagKey } from '@lifelong/common';
import { listingTerms } from '@lifelong/courses';

/** Runs one statement with parameters: a TypeORM DataSource's `query` or mysql2's. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

const TOPICS = [
  'Kỹ năng số',
  'Học tập suốt đời',
  'Tiếng Anh giao tiếp',
  'An toàn thông tin',
  'Nuôi trồng thủy sản',
  'Tin học văn phòng',
  'Chăm sóc sức khỏe gia đình',
  'Trồng lúa và rau an toàn',
  'Pháp luật về đất đai',
  'Kế toán hộ kinh doanh',
  'Du lịch cộng đồng',
  'Phòng chống thiên tai',
  'Lịch sử địa phương',
  'Đan lát thủ công',
  'Văn hóa đọc',
];
const AUDIENCES = [
  'cơ bản',
  'nâng cao',
  'cho mọi người',
  'cho người cao tuổi',
  'cho cán bộ, công chức',
  'thực hành',
  'cho thanh niên',
];
const TAGS = ['kỹ năng số', 'ngoại ngữ', 'nông nghiệp', 'sức khỏe', 'pháp luật', 'nghề'];

/** What was loaded, to aim queries at. */
export interface CourseVolume {
  provinceIds: string[];
  communeIds: string[];
  facilityIds: string[];
  courses: number;
}

/**
 * Loads a catalogue of `courses` published courses (Vietnamese titles built from topics and
 * audiences, one tag each) over `provinces` × `communes` administrative units with two
 * facilities per commune, with multi-row INSERTs of 2,000 rows. Search documents and words are
 * built with the lib's own `searchDocument` and `documentTerms`, the catalogue's keys with
 * `listingTerms`, so the data is what the services would have written.
 */
export async function loadCourseVolume(
  run: RunSql,
  options: { courses: number; provinces?: number; communesPerProvince?: number },
): Promise<CourseVolume> {
  const provinces = options.provinces ?? 20;
  const communes = options.communesPerProvince ?? 10;
  const volume: CourseVolume = { provinceIds: [], communeIds: [], facilityIds: [], courses: 0 };
  const units: unknown[][] = [];
  const facilities: unknown[][] = [];
  const suffix = newId().slice(-8);
  for (let p = 0; p < provinces; p += 1) {
    const province = newId();
    volume.provinceIds.push(province);
    units.push([province, `P${p}-${suffix}`, `Tỉnh ${p}`, 'province', null, `/${province}/`, 1]);
    for (let c = 0; c < communes; c += 1) {
      const commune = newId();
      volume.communeIds.push(commune);
      units.push([
        commune,
        `P${p}-C${c}-${suffix}`,
        `Xã ${p}-${c}`,
        'commune',
        province,
        `/${province}/${commune}/`,
        2,
      ]);
      for (let f = 0; f < 2; f += 1) {
        const facility = newId();
        volume.facilityIds.push(facility);
        facilities.push([
          facility,
          `F${p}-${c}-${f}-${suffix}`,
          `Trung tâm ${p}-${c}-${f}`,
          'community_learning_center',
          commune,
        ]);
      }
    }
  }
  await run(
    'INSERT INTO `admin_units` (`id`, `code`, `name`, `level`, `parent_id`, `path`, `depth`) VALUES ?',
    [units],
  );
  await run('INSERT INTO `facilities` (`id`, `code`, `name`, `type`, `admin_unit_id`) VALUES ?', [
    facilities,
  ]);
  const counts = new Map<string, number>();
  for (let start = 0; start < options.courses; start += 2_000) {
    const rows: unknown[][] = [];
    const tags: unknown[][] = [];
    const terms: unknown[][] = [];
    const listing: unknown[][] = [];
    for (let i = start; i < Math.min(start + 2_000, options.courses); i += 1) {
      const id = newId();
      const title = `${TOPICS[i % TOPICS.length]} ${AUDIENCES[i % AUDIENCES.length]} – khóa ${i}`;
      const summary = `Khóa học ${TOPICS[(i * 7) % TOPICS.length]!.toLowerCase()} dành cho người học ở cơ sở.`;
      const tag = TAGS[i % TAGS.length]!;
      const published = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      rows.push([
        id,
        volume.facilityIds[i % volume.facilityIds.length],
        title,
        summary,
        'published',
        searchDocument([title, summary, tag]),
        published,
      ]);
      tags.push([id, tagKey(tag), tag, 0]);
      const words = documentTerms([title, summary, tag]);
      for (const term of words) terms.push([id, term]);
      const facility = volume.facilityIds[i % volume.facilityIds.length]!;
      for (const term of listingTerms(words, [tagKey(tag)], facility)) {
        listing.push([term, published, id, facility]);
        counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
    await run(
      'INSERT INTO `courses` (`id`, `facility_id`, `title`, `summary`, `status`, `search_text`, `published_at`) VALUES ?',
      [rows],
    );
    await run('INSERT INTO `course_tags` (`course_id`, `tag_key`, `tag`, `position`) VALUES ?', [
      tags,
    ]);
    await run('INSERT INTO `course_search_terms` (`course_id`, `term`) VALUES ?', [terms]);
    await run(
      'INSERT INTO `catalogue_terms` (`term`, `published_at`, `course_id`, `facility_id`) VALUES ?',
      [listing],
    );
  }
  const counted = [...counts];
  for (let start = 0; start < counted.length; start += 2_000)
    await run(
      'INSERT INTO `catalogue_term_counts` (`term`, `courses`) VALUES ? ON DUPLICATE KEY UPDATE `courses` = `courses` + VALUES(`courses`)',
      [counted.slice(start, start + 2_000)],
    );
  volume.courses = options.courses;
  return volume;
}
