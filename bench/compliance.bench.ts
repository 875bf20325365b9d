import { AccessTokenService } from '@lifelong/identity';
import { UnitCounts } from '@lifelong/training';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { listen } from '../test/support/http-client';
import { createTestApp } from '../test/support/test-app';
import { testConfig } from '../test/setup/test-env';
import { seedMinistry } from './support/ministry';

// `npm run bench -- compliance`: the compliance report of a ministry root over a million
// assignments, over HTTP, against the same app's primary-key read (one requirement by id,
// same guard and roles), measured in one run, one request in flight, rounds alternating the
// two routes so a load spike hits both alike. Goal: report ≤ 5 × the primary-key read.

const STAFF = 200_000;
const AGENCIES = 40;
const DEPARTMENTS_PER_AGENCY = 49; // 1 root + 40 + 40 × 49 = 2,001 units
const REQUIREMENTS = 5;
const ROUNDS = 5;
const REQUESTS_PER_ROUND = 40;
const GOAL = 5;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('compliance benchmark', () => {
  let app: NestFastifyApplication;

  afterAll(async () => {
    await app?.close();
  });

  it('answers the root report over a million assignments within 5 × a primary-key read', async () => {
    app = await createTestApp(testConfig());
    const { base } = await listen(app);
    const dataSource = app.get(DataSource);
    const seeding = process.hrtime.bigint();
    // 2,001 units, 200,000 staff in the departments, five requirements on the root.
    const { rootId, requirementIds, admin } = await seedMinistry(app, {
      staff: STAFF,
      agencies: AGENCIES,
      departmentsPerAgency: DEPARTMENTS_PER_AGENCY,
      requirements: REQUIREMENTS,
    });
    const requirementId = requirementIds[0]!;
    const seededIn = seconds(seeding);
    const token = await app.get(AccessTokenService).issue(admin.userId);
    const get = async (path: string): Promise<unknown> => {
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      return response.json();
    };
    const reportPath = `/api/v1/training/compliance?orgUnitId=${rootId}`;
    const readPath = `/api/v1/training/requirements/${requirementId}`;

    // The report's figures are the assignments' own, as one plain aggregate counts them.
    const tree = (await get(reportPath)) as {
      assigned: number;
      completed: number;
      children: unknown[];
    };
    const [truth] = await dataSource.query<{ assigned: string; completed: string }[]>(
      `SELECT COUNT(*) AS assigned, SUM(a.\`status\` = 'completed') AS completed
       FROM \`org_units\` u
       JOIN \`memberships\` m ON m.\`org_unit_id\` = u.\`id\` AND m.\`ended_at\` IS NULL
       JOIN \`training_assignments\` a ON a.\`user_id\` = m.\`user_id\` AND a.\`closed_at\` IS NULL
       WHERE u.\`path\` LIKE ?`,
      [`/${rootId}/%`],
    );
    expect(tree.assigned).toBe(STAFF * REQUIREMENTS);
    expect(tree.assigned).toBe(Number(truth!.assigned));
    expect(tree.completed).toBe(Number(truth!.completed));
    expect(tree.children).toHaveLength(AGENCIES);

    const timed = async (path: string): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS_PER_ROUND; i += 1) {
        const started = process.hrtime.bigint();
        await get(path);
        times.push(seconds(started) * 1000);
      }
      return times;
    };
    await timed(reportPath); // warm both paths the same way
    await timed(readPath);
    const reportMs: number[] = [];
    const readMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      reportMs.push(...(await timed(reportPath)));
      readMs.push(...(await timed(readPath)));
    }
    // The whole subtree (a snapshot's rows, the CSV): every unit rolled up, once.
    const downloading = process.hrtime.bigint();
    const csv = await fetch(`${base}/api/v1/training/compliance.csv?orgUnitId=${rootId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const csvLines = (await csv.text()).trim().split('\n').length;
    const csvMs = seconds(downloading) * 1000;
    expect(csvLines).toBe(1 + AGENCIES * (DEPARTMENTS_PER_AGENCY + 1) + 1);
    const reconciling = process.hrtime.bigint();
    const reconciliation = await app.get(UnitCounts).reconcile();
    const reconciledIn = seconds(reconciling);
    expect(reconciliation).toEqual({ repaired: 0 });

    const ratio = median(reportMs) / median(readMs);
    process.stdout.write(
      [
        '',
        `compliance: ${STAFF.toLocaleString('en')} staff, ${(AGENCIES * (DEPARTMENTS_PER_AGENCY + 1) + 1).toLocaleString('en')} units, ${(STAFF * REQUIREMENTS).toLocaleString('en')} assignments (seeded in ${seededIn.toFixed(1)} s, counts built by the reconciliation)`,
        `  GET ${'/api/v1/training/compliance'} (root + ${AGENCIES} children): median ${median(reportMs).toFixed(2)} ms`,
        `  GET /api/v1/training/requirements/:id (primary-key read):   median ${median(readMs).toFixed(2)} ms`,
        `  ratio report / primary-key read: ${ratio.toFixed(2)} (goal ≤ ${GOAL}); ${ROUNDS} alternating rounds of ${REQUESTS_PER_ROUND}, one in flight`,
        `  GET /api/v1/training/compliance.csv (all ${csvLines - 1} units rolled up, once): ${csvMs.toFixed(0)} ms`,
        `  nightly reconciliation over every unit: ${reconciledIn.toFixed(2)} s, ${reconciliation.repaired} units repaired`,
        '',
      ].join('\n') + '\n',
    );
    if (ratio > GOAL) process.exitCode = 1;
    expect(ratio).toBeLessThanOrEqual(GOAL);
  });
});
