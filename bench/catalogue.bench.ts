import { searchQuery, tagKey } from '@lifelong/common';
import {
  type CatalogueCriteria,
  catalogueStatements,
  courseTagsStatement,
} from '@lifelong/courses';
import { subtreePattern } from '@lifelong/organizations';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { testConfig } from '../test/setup/test-env';
import { type CourseVolume, loadCourseVolume } from '../test/support/course-volume';

const COURSES = 100_000;
const REQUESTS = 600;
/** Each measurement also stops after this long: broad searches over 100,000 courses are slow. */
const MAX_SECONDS = 8;
const CONCURRENCY = 16;
const PAGE_SIZE = 20;

/** A catalogue request as a visitor sends it, and what the service resolves it to. */
interface Scenario {
  name: string;
  query: Record<string, string>;
  /** An administrative unit whose path the service looks up first. */
  adminUnitId?: string;
  criteria: Omit<CatalogueCriteria, 'adminUnitPattern'>;
}

function scenarios(volume: CourseVolume): Scenario[] {
  const province = volume.provinceIds[3]!;
  const commune = volume.communeIds[57]!;
  return [
    { name: 'newest first, no filter', query: {}, criteria: { match: null } },
    { name: 'q=hoc tap', query: { q: 'hoc tap' }, criteria: { match: searchQuery('hoc tap') } },
    {
      name: 'q=an toàn thông + province subtree',
      query: { q: 'an toàn thông', adminUnitId: province },
      adminUnitId: province,
      criteria: { match: searchQuery('an toàn thông') },
    },
    {
      name: 'commune subtree',
      query: { adminUnitId: commune },
      adminUnitId: commune,
      criteria: { match: null },
    },
    {
      name: 'tag=nong nghiep',
      query: { tag: 'nong nghiep' },
      criteria: { match: null, tagKey: tagKey('nong nghiep') },
    },
  ];
}

/**
 * Runs `work` with `concurrency` calls in flight until `total` calls have started or `seconds`
 * have passed; returns completed calls per second.
 */
async function rate(
  total: number,
  concurrency: number,
  work: () => Promise<void>,
  seconds = MAX_SECONDS,
): Promise<number> {
  let started = 0;
  let done = 0;
  const begin = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - begin) / 1e9;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total && elapsed() < seconds) {
        started += 1;
        await work();
        done += 1;
      }
    }),
  );
  return done / elapsed();
}

/** What CourseCatalogue.list runs for a request, issued raw through mysql2. */
async function rawRequest(pool: Pool, scenario: Scenario): Promise<void> {
  const criteria: CatalogueCriteria = { ...scenario.criteria };
  if (scenario.adminUnitId) {
    const [units] = await pool.query<({ path: string } & RowDataPacket)[]>(
      'SELECT `id`, `path` FROM `admin_units` WHERE `id` = ? LIMIT 1',
      [scenario.adminUnitId],
    );
    criteria.adminUnitPattern = subtreePattern(units[0]!.path);
  }
  const { items, count } = catalogueStatements(criteria, { offset: 0, limit: PAGE_SIZE });
  const [[rows]] = await Promise.all([
    pool.query<({ id: string } & RowDataPacket)[]>(items.sql, items.params),
    pool.query(count.sql, count.params),
  ]);
  if (rows.length === 0) return;
  const tags = courseTagsStatement(rows.map((row) => row.id));
  await pool.query(tags.sql, tags.params);
}

describe('catalogue benchmark', () => {
  let app: NestFastifyApplication;
  let pool: Pool;

  afterAll(async () => {
    await pool?.end();
    await app?.close();
  });

  it(`serves the catalogue over ${COURSES.toLocaleString('en')} courses and compares with raw SQL`, async () => {
    const config = testConfig();
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSource);
    const seeding = process.hrtime.bigint();
    const volume = await loadCourseVolume((sql, params) => dataSource.query(sql, params), {
      courses: COURSES,
    });
    for (const table of ['courses', 'course_tags', 'facilities', 'admin_units'])
      await dataSource.query(`ANALYZE TABLE \`${table}\``);
    const seededIn = Number(process.hrtime.bigint() - seeding) / 1e9;
    const { host, port, user, password, name, poolSize } = config.database;
    pool = createPool({
      host,
      port,
      user,
      password,
      database: name,
      connectionLimit: poolSize,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
    });

    const lines = [
      '',
      `catalogue: ${COURSES.toLocaleString('en')} published courses (seeded in ${seededIn.toFixed(1)} s); per query up to ${REQUESTS} requests or ${MAX_SECONDS} s, ${CONCURRENCY} in flight, page size ${PAGE_SIZE}`,
      '  ours: GET /api/v1/courses over HTTP (fetch); raw: the same statements through mysql2, same pool size',
    ];
    for (const scenario of scenarios(volume)) {
      const url = `${base}/api/v1/courses?${new URLSearchParams({ ...scenario.query, pageSize: String(PAGE_SIZE) }).toString()}`;
      const probe = await fetch(url);
      const body = (await probe.json()) as { total: number };
      if (probe.status !== 200) throw new Error(`${scenario.name}: ${probe.status}`);
      const http = async () => {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${scenario.name}: ${response.status}`);
      };
      const raw = () => rawRequest(pool, scenario);
      await rate(CONCURRENCY * 2, CONCURRENCY, http, 2); // warm both paths the same way
      await rate(CONCURRENCY * 2, CONCURRENCY, raw, 2);
      const ours = await rate(REQUESTS, CONCURRENCY, http);
      const rawRate = await rate(REQUESTS, CONCURRENCY, raw);
      process.stderr.write(`catalogue bench: ${scenario.name} done\n`);
      lines.push(
        `  ${scenario.name.padEnd(36)} total ${String(body.total).padStart(6)}   http ${ours.toFixed(0).padStart(6)} req/s   raw SQL ${rawRate.toFixed(0).padStart(6)} req/s   ratio ${(ours / rawRate).toFixed(2)}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
    expect(lines.length).toBeGreaterThan(2);
  });
});
