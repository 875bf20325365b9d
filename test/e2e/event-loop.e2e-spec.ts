import { testConfig } from '../setup/test-env';
import { ApiProcess } from '../support/api-process';
import { expectStatus, signIn } from '../support/e2e';
import { answered, apiClient } from '../support/api-client';
import { HttpClient } from '../support/http-client';

// The api runs in a child process: a request that held its event loop would stop every answer,
// and the test, watching from outside, still sees it (and kills the process afterwards).
const config = testConfig();
let api: ApiProcess;
let http: HttpClient;
let token: string;
let channelId: string;
let lessonId: string;

/** How long a hostile request may take before the test gives up on it. */
const HOSTILE_TIMEOUT_MS = 8_000;
/** The slowest `/health` answer we accept while a hostile request runs. */
const HEALTH_BUDGET_MS = 1_000;

/**
 * Probes `/health` every 50 ms until `stop` is called; returns each probe's answer time
 * (Infinity when it did not answer within twice the budget).
 */
function watchHealth(): () => Promise<number[]> {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${http.base}/health`, {
          signal: AbortSignal.timeout(HEALTH_BUDGET_MS * 2),
        });
        await response.text();
        times.push(response.ok ? performance.now() - started : Infinity);
      } catch {
        times.push(Infinity);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return times;
  };
}

beforeAll(async () => {
  api = await ApiProcess.start();
  http = new HttpClient(api.base);
  token = await signIn(http, config.admin.email, config.admin.password);
  // The fixture, made by the signed-in admin.
  const asAdmin = apiClient(http.base, token);
  const unit = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/admin-units', {
        body: { code: 'VN-19', name: 'Tỉnh Thái Nguyên', level: 'province' },
      }),
    ),
    201,
  );
  const facility = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/facilities', {
        body: {
          code: 'GDTX-TN',
          name: 'Trung tâm GDNN-GDTX Thái Nguyên',
          type: 'provincial_ce_center',
          adminUnitId: unit.id,
        },
      }),
    ),
    201,
  );
  const channel = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/channels', {
        body: { code: 'TNTV', name: 'Truyền hình Thái Nguyên' },
      }),
    ),
    201,
  );
  const course = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses', {
        body: {
          facilityId: facility.id,
          title: 'Nuôi ong lấy mật',
          summary: 'Học qua truyền hình',
        },
      }),
    ),
    201,
  );
  const section = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/courses/{id}/sections', {
        params: { path: { id: course.id } },
        body: { title: 'Phần 1' },
      }),
    ),
    201,
  );
  const lesson = await expectStatus(
    answered(
      asAdmin.POST('/api/v1/sections/{id}/lessons', {
        params: { path: { id: section.id } },
        body: { title: 'Bài 1: Chọn chỗ đặt đàn', kind: 'television' },
      }),
    ),
    201,
  );
  channelId = channel.id;
  lessonId = lesson.id;
}, 60_000);

afterAll(async () => {
  await api?.kill();
});

describe('a hostile recurrence rule', () => {
  // Rules that make no slot (or only after years of candidates): the recurrence library loops
  // on them synchronously, endlessly for the sub-daily ones.
  it.each([
    'FREQ=HOURLY;INTERVAL=24;BYHOUR=3;COUNT=2',
    'FREQ=MINUTELY;INTERVAL=60;BYMINUTE=5;COUNT=2',
    'FREQ=MINUTELY;INTERVAL=60;BYMINUTE=5;UNTIL=20271231T000000Z',
    'FREQ=SECONDLY;INTERVAL=3600;BYSECOND=5;COUNT=2',
    'FREQ=WEEKLY;BYSETPOS=5;COUNT=2',
    'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2',
    'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31;COUNT=2',
    'FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7;COUNT=2',
    'FREQ=DAILY;INTERVAL=999999999;COUNT=2',
  ])('%s is refused while /health keeps answering within a second', async (recurrence) => {
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    startsAt.setUTCHours(12, 0, 0, 0);
    const stop = watchHealth();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const status = await fetch(`${http.base}/api/v1/broadcasts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId,
        lessonId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
        recurrence,
      }),
      signal: AbortSignal.timeout(HOSTILE_TIMEOUT_MS),
    }).then(
      (response) => response.status,
      () => 'no answer',
    );
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const times = await stop();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    // Refused promptly: at most the worker thread's budget (a second) and slack for a busy machine.
    expect(elapsed).toBeLessThan(5_000);
    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('leaves an ordinary weekly series working', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    startsAt.setUTCHours(12, 0, 0, 0);
    const series = await expectStatus(
      answered(
        apiClient(http.base, token).POST('/api/v1/broadcasts', {
          body: {
            channelId,
            lessonId,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
            recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=30',
          },
        }),
      ),
      201,
    );
    expect(series.series).toHaveLength(30);
  });
});

describe('a deeply nested JSON body', () => {
  it('is refused with a 400 before it is parsed, while /health keeps answering within a second', async () => {
    // Just under the body limit: V8 takes about a second to parse a megabyte of nesting.
    const depth = 450_000;
    const body = '['.repeat(depth) + ']'.repeat(depth);
    const stop = watchHealth();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const statuses = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${http.base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(HOSTILE_TIMEOUT_MS),
        }).then(
          (response) => response.status,
          () => 'no answer',
        ),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const times = await stop();
    expect(statuses).toEqual([400, 400, 400]);
    expect(Math.max(...times)).toBeLessThan(HEALTH_BUDGET_MS);
  });
});
