import { loadavg } from 'node:os';
import { AccessTokenService } from '@lifelong/identity';
import { ComplianceReport, complianceQuery } from '@lifelong/training';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Browser, chromium, type Page } from '@playwright/test';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { expectNoAxeViolations, screenshots } from '../apps/web/e2e/support/checks';
import { testConfig } from '../test/setup/test-env';
import { HttpClient } from '../test/support/http-client';
import { PERSON_PASSWORD } from '../test/support/people';
import { grantOrgRole, seedMinistry } from './support/ministry';
import { CHROME, ensureWebBuilt, WEB_DIR } from './support/web-build';

/**
 * `npm run bench -- compliance-page`: the compliance page of a ministry of 200,000 staff in
 * 2,000 units, all of them one level below the root (the widest first view there is: every unit
 * is a row of it), in Chromium against the real api serving the built app, signed in as the
 * ministry's org manager. Each round opens a fresh browser context, signs in through the
 * sign-in page, empties the HTTP cache and opens the compliance page (cold), then opens it
 * again (warm: scripts cached, a new document all the same). Goal: the first view in under a
 * second, median of ROUNDS, cold and warm alike.
 *
 * What is measured, on the page's own clock: `performance.now()` (milliseconds since the
 * navigation started) in the first animation frame in which the ministry's name heads the page,
 * its five headline figures are in, the units table holds its first rows and the chart its
 * bars; that frame is painted next.
 */
const STAFF = 200_000;
const UNITS_BELOW_ROOT = 2_000;
const REQUIREMENTS = 5;
const ROUNDS = 5;
const GOAL_MS = 1_000;
const API_REQUESTS = 20;

const MANAGER_EMAIL = 'can.bo.dao.tao@bench.example.vn';

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const drawn = (views: FirstView[]): number[] => views.map((view) => view.drawn);
const answered = (views: FirstView[]): number[] => views.map((view) => view.answered);
const ms = (values: number[]): string => values.map((value) => value.toFixed(0)).join(', ');

/** What the check run in the page uses of it (this project's Node types know no DOM). */
interface PageGlobals {
  document: {
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
  };
}

interface FirstView {
  /** The first view drawn, ms since navigation start. */
  drawn: number;
  /** The api's answer for the unit (with its children) fully received, ms since navigation start. */
  answered: number;
}

/** Opens `url` and answers when its first view is drawn (see above), on the page's clock. */
async function firstView(page: Page, url: string, rootName: string): Promise<FirstView> {
  await page.goto(url, { waitUntil: 'commit' });
  // Runs in the page (the page's policy allows no string evaluation).
  const view = await page.waitForFunction(
    (name) => {
      const { document } = globalThis as unknown as PageGlobals;
      const heading = document.querySelector('h1');
      const figures = document.querySelectorAll('dl dd').length;
      const rows = document.querySelectorAll('table tbody tr th a').length;
      const bars = document.querySelectorAll('.recharts-bar-rectangle').length;
      const ready = heading?.textContent === name && figures >= 5 && rows > 0 && bars > 0;
      if (!ready) return false;
      const answer = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('/api/v1/training/compliance?'));
      return {
        drawn: performance.now(),
        answered: (answer as { responseEnd?: number }).responseEnd ?? NaN,
      };
    },
    rootName,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await view.jsonValue()) as FirstView;
}

/** Signs in through the sign-in page, as a person does. */
async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(MANAGER_EMAIL);
  await page.getByLabel('Mật khẩu').fill(PERSON_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

describe('compliance page at national scale', () => {
  let app: NestFastifyApplication;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('draws the first view of a ministry of 2,000 units in under a second', async () => {
    const build = await ensureWebBuilt();
    app = await createApp(testConfig({ WEB_DIR }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const seeding = process.hrtime.bigint();
    const ministry = await seedMinistry(app, {
      staff: STAFF,
      agencies: UNITS_BELOW_ROOT,
      departmentsPerAgency: 0,
      requirements: REQUIREMENTS,
    });
    const seededIn = Number(process.hrtime.bigint() - seeding) / 1e9;

    // The training officer: registered as anyone is, then made the ministry's org manager.
    const registered = await new HttpClient(base).post('/api/v1/auth/register', {
      body: { email: MANAGER_EMAIL, password: PERSON_PASSWORD, fullName: 'Cán bộ Đào tạo' },
    });
    if (registered.status !== 201) throw new Error(`register answered ${registered.status}`);
    const managerId = (registered.body.user as { id: string }).id;
    await grantOrgRole(app, ministry.admin, managerId, 'org_manager', ministry.rootId);

    // What the page asks the api for first: the root with its 2,000 children.
    const token = await app.get(AccessTokenService).issue(managerId);
    const reportUrl = `${base}/api/v1/training/compliance?orgUnitId=${ministry.rootId}`;
    const report = async () => {
      const started = process.hrtime.bigint();
      const response = await fetch(reportUrl, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`compliance answered ${response.status}`);
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, body, response };
    };
    const first = await report();
    const tree = JSON.parse(first.body) as { name: string; children: unknown[] };
    expect(tree.children).toHaveLength(UNITS_BELOW_ROOT);
    const apiMs: number[] = [];
    for (let i = 0; i < API_REQUESTS; i += 1) apiMs.push((await report()).ms);
    // Where the answer's time goes: the statement alone, and the service (statement, scope check
    // and rows), each timed the same way.
    const timedMs = async (work: () => Promise<unknown>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < API_REQUESTS; i += 1) {
        const started = process.hrtime.bigint();
        await work();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return median(times);
    };
    const [{ path: rootPath }] = await app
      .get(DataSource)
      .query<[{ path: string }]>('SELECT `path` FROM `org_units` WHERE `id` = ?', [
        ministry.rootId,
      ]);
    const statement = complianceQuery(rootPath, 'unit-and-children', ministry.rootId);
    const statementMs = await timedMs(() =>
      app.get(DataSource).query(statement.sql, statement.params),
    );
    const serviceMs = await timedMs(() =>
      app.get(ComplianceReport).tree(ministry.admin, ministry.rootId),
    );

    browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] });
    const loadAtStart = load();
    const cold: FirstView[] = [];
    const warm: FirstView[] = [];
    const url = `${base}/manage/compliance`;
    const tables: { rowCount: string | null; drawnRows: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, base);
      const devtools = await context.newCDPSession(page);
      await devtools.send('Network.clearBrowserCache');
      cold.push(await firstView(page, url, tree.name));
      warm.push(await firstView(page, url, tree.name));
      // The table holds only the rows in view, and says how many there are.
      const table = page.getByRole('table', {
        name: 'Tuân thủ theo đơn vị trực thuộc, đơn vị thấp nhất trước',
      });
      tables.push({
        rowCount: await table.getAttribute('aria-rowcount'),
        drawnRows: await table.locator('tbody tr th a').count(),
      });
      await context.close();
      process.stderr.write(
        `compliance page bench: round ${round + 1}: cold ${cold.at(-1)!.drawn.toFixed(0)} ms, warm ${warm.at(-1)!.drawn.toFixed(0)} ms (load ${load()})\n`,
      );
    }

    // The first view at national scale as a person sees it, checked as the journeys check theirs:
    // axe finds nothing, and screenshots at phone and laptop size (.reports/screenshots).
    const looked = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await looked.newPage();
    await signIn(page, base);
    await firstView(page, url, tree.name);
    await page.mouse.move(1, 300);
    await expectNoAxeViolations(page);
    await screenshots(page, 'compliance-national');
    await looked.close();

    const encoding = first.response.headers.get('content-encoding') ?? 'none';
    const lines = [
      '',
      `compliance page: ${STAFF.toLocaleString('en')} staff, ${ministry.units.toLocaleString('en')} units (${UNITS_BELOW_ROOT.toLocaleString('en')} one level below the root), ${(STAFF * REQUIREMENTS).toLocaleString('en')} assignments; seeded in ${seededIn.toFixed(0)} s; web app ${build}`,
      `  Chromium ${browser.version()}, headless, 1280 × 800, loopback; load average at start ${loadAtStart}, at end ${load()}`,
      `  units table: ${tables[0]!.drawnRows} rows drawn of ${UNITS_BELOW_ROOT.toLocaleString('en')} (aria-rowcount ${tables[0]!.rowCount ?? 'absent'})`,
      `  GET /api/v1/training/compliance?orgUnitId=<root>: ${(Buffer.byteLength(first.body) / 1024).toFixed(0)} KB of JSON (content-encoding ${encoding}), median ${median(apiMs).toFixed(1)} ms of ${API_REQUESTS} (the statement alone ${statementMs.toFixed(1)} ms, the service ${serviceMs.toFixed(1)} ms)`,
      `  first view, cold (HTTP cache emptied): median ${median(drawn(cold)).toFixed(0)} ms (goal < ${GOAL_MS}); runs ${ms(drawn(cold))}; the unit's answer in at ${ms(answered(cold))}`,
      `  first view, warm (scripts cached):      median ${median(drawn(warm)).toFixed(0)} ms (goal < ${GOAL_MS}); runs ${ms(drawn(warm))}; the unit's answer in at ${ms(answered(warm))}`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const { rowCount, drawnRows } of tables) {
      expect(rowCount).toBe(String(UNITS_BELOW_ROOT + 1)); // the header row and every unit
      expect(drawnRows).toBeLessThan(100);
    }
    expect(median(drawn(cold))).toBeLessThan(GOAL_MS);
    expect(median(drawn(warm))).toBeLessThan(GOAL_MS);
  });
});
