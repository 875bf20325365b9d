import { EnrollLearnerService, WatchedIntervals } from '@lifelong/enrollment';
import { AccessTokenService } from '@lifelong/identity';
import { dataSourceOptions, detectFlavor } from '@lifelong/database';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { testConfig } from '../setup/test-env';
import { buildCourse, facility, insertLearners, platformAdmin } from '../support/course-fixtures';
import { eventually } from '../support/e2e';
import { type HttpClient, listen } from '../support/http-client';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestApp } from '../support/test-app';

// The api reaches MariaDB only through a proxy the test cuts while players keep reporting
// progress: connections reset under running statements, new ones refused.
const direct = testConfig();
/** Players reporting at once, one learner each (a player reports one after another). */
const PLAYERS = 12;
/** The longest a request may take, outage or not: a client must not be left hanging. */
const ANSWER_BUDGET_MS = 5_000;

let db: TcpProxy;
let api: NestFastifyApplication;
let http: HttpClient;
let check: DataSource;

interface Player {
  enrollmentId: string;
  token: string;
}

interface Answer {
  status: number | 'no answer';
  body: string;
  ms: number;
}

async function timed(path: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${http.base}${path}`, {
      ...init,
      signal: AbortSignal.timeout(ANSWER_BUDGET_MS * 2),
    });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started };
  } catch {
    return { status: 'no answer', body: '', ms: performance.now() - started };
  }
}

/**
 * Each player sends one-second segments back to back until `stop`; returns every answer and,
 * per player, the segments acknowledged with a 200.
 */
function reportProgress(players: Player[], lessonId: string) {
  const answers: Answer[] = [];
  const acknowledged = players.map(() => [] as [number, number][]);
  let running = true;
  const loops = players.map(async (player, index) => {
    for (let second = 0; running; second += 1) {
      const segment: [number, number] = [second, second + 1];
      const answer = await timed(
        `/api/v1/enrollments/${player.enrollmentId}/lessons/${lessonId}/progress`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${player.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ segments: [segment], positionSeconds: second + 1 }),
        },
      );
      answers.push(answer);
      if (answer.status === 200) acknowledged[index]!.push(segment);
      // A player whose report failed waits a moment before the next, as a real one would.
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return {
    answers,
    /** Answers since `from` (an index into `answers`). */
    since: (from: number) => answers.slice(from),
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return acknowledged;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  db = await TcpProxy.start({ host: direct.database.host, port: direct.database.port });
  api = await createTestApp(testConfig({ DATABASE_URL: db.rewrite(direct.database.url) }));
  http = await listen(api);
  check = new DataSource(dataSourceOptions(direct, { flavor: await detectFlavor(direct) }));
  await check.initialize();
}, 60_000);

afterAll(async () => {
  await db?.restore();
  await api?.close();
  await db?.close();
  await check?.destroy();
});

describe('a database outage under progress reports', () => {
  it('answers 503 at once while it lasts, says so on /health/ready, and keeps every acknowledged report', async () => {
    const admin = await platformAdmin(check);
    const { courseId, lessonIds } = await buildCourse(api, admin, await facility(api, admin), {
      lessons: [{ title: 'Bài giảng dài', kind: 'video', durationSeconds: 3_600 }],
    });
    const lessonId = lessonIds[0]!;
    const players: Player[] = [];
    for (const userId of await insertLearners(check, PLAYERS, 'db-outage'))
      players.push({
        enrollmentId: (await api.get(EnrollLearnerService).enroll(userId, courseId)).enrollment.id,
        token: await api.get(AccessTokenService).issue(userId),
      });

    const load = reportProgress(players, lessonId);
    await pause(1_500);
    const atCut = load.answers.length;
    await db.cut();
    await pause(1_500);
    const ready = await timed('/health/ready');
    await pause(1_500);
    const duringOutage = load.since(atCut);
    await db.restore();
    const atRestore = load.answers.length;
    await eventually(
      'the api serving reports again',
      () =>
        Promise.resolve(
          load.since(atRestore).some((answer) => answer.status === 200) ? true : undefined,
        ),
      { timeout: 20_000 },
    );
    await pause(1_000);
    const acknowledged = await load.stop();

    // While it lasts the api says what is down, and refuses reports with a 503 of its own.
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({
      code: 'NOT_READY',
      details: { checks: { database: expect.stringMatching(/^down: /) as unknown, redis: 'ok' } },
    });
    const refused = duringOutage.filter((answer) => answer.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(answer.body).not.toMatch(/\bat \S+ \(|stack/i);
    }
    // Nothing hangs and nothing else fails, before, during or after.
    expect(new Set(load.answers.map((answer) => answer.status))).toEqual(new Set([200, 503]));
    expect(Math.max(...load.answers.map((answer) => answer.ms))).toBeLessThan(ANSWER_BUDGET_MS);

    // The same api, not restarted, is ready again; every 200 it gave is stored.
    const readyAgain = await timed('/health/ready');
    expect(readyAgain.status).toBe(200);
    const rows = await check.query<{ enrollmentId: string; intervals: Buffer }[]>(
      'SELECT `enrollment_id` AS `enrollmentId`, `intervals` FROM `lesson_progress` WHERE `lesson_id` = ?',
      [lessonId],
    );
    const watched = new Map(
      rows.map((row) => [row.enrollmentId, WatchedIntervals.decode(row.intervals)]),
    );
    players.forEach((player, index) => {
      const stored = watched.get(player.enrollmentId) ?? WatchedIntervals.EMPTY;
      const lost = acknowledged[index]!.filter((segment) => !stored.includes(segment));
      expect({ player: index, lost }).toEqual({ player: index, lost: [] });
    });
    expect(acknowledged.flat().length).toBeGreaterThan(PLAYERS);
  }, 90_000);
});
