import { ManualClock } from '@lifelong/common';
import { EnrollLearnerService, LessonProgress, WatchedIntervals } from '@lifelong/enrollment';
import { AccessTokenService } from '@lifelong/identity';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, In } from 'typeorm';
import { listen } from '../../../test/support/http-client';
import { inFlight, LoadClient } from '../../../test/support/load';
import { createTestApp } from '../../../test/support/test-app';
import { testConfig } from '../../../test/setup/test-env';
import { buildCourse, facility, insertLearners, platformAdmin } from './enrollment-testing';

const LEARNERS = 200;
const REPORTS_PER_LEARNER = 50;
const CONCURRENCY = 50;
/** Each report is 5 new seconds: what the credit rule allows when no time passes (the slack). */
const SEGMENT = 5;

interface Report {
  enrollmentId: string;
  token: string;
  segment: [number, number];
}

/** A fixed shuffle, so some reports of one learner are in flight together (racing writes). */
function shuffled<T>(items: T[]): T[] {
  let state = 42;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

describe('a burst of progress reports', () => {
  let app: NestFastifyApplication;
  let client: LoadClient;

  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it(`stores every acknowledged one of ${LEARNERS * REPORTS_PER_LEARNER} reports`, async () => {
    app = await createTestApp(testConfig({ DATABASE_POOL_SIZE: '20' }), {
      clock: new ManualClock(),
    });
    client = new LoadClient((await listen(app)).base, CONCURRENCY);
    const dataSource = app.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const { courseId, lessonIds } = await buildCourse(app, admin, await facility(app, admin), {
      lessons: [{ title: 'Bài giảng dài', kind: 'video', durationSeconds: 3600 }],
    });
    const lessonId = lessonIds[0]!;
    const reports: Report[] = [];
    for (const userId of await insertLearners(dataSource, LEARNERS)) {
      const { enrollment } = await app.get(EnrollLearnerService).enroll(userId, courseId);
      const token = await app.get(AccessTokenService).issue(userId);
      for (let k = 0; k < REPORTS_PER_LEARNER; k += 1)
        reports.push({
          enrollmentId: enrollment.id,
          token,
          segment: [k * SEGMENT, (k + 1) * SEGMENT],
        });
    }

    const statuses = await inFlight(shuffled(reports), CONCURRENCY, async (report) => {
      const path = `/api/v1/enrollments/${report.enrollmentId}/lessons/${lessonId}/progress`;
      const body = { segments: [report.segment], positionSeconds: report.segment[1] };
      return (await client.post(path, body, report.token)).status;
    });

    const acknowledged = reports.filter((_, i) => statuses[i] === 200);
    expect(acknowledged).toHaveLength(reports.length);
    const rows = await dataSource.getRepository(LessonProgress).findBy({
      enrollmentId: In([...new Set(reports.map((report) => report.enrollmentId))]),
      lessonId,
    });
    const stored = new Map(rows.map((row) => [row.enrollmentId, row]));
    const missing = acknowledged.filter(
      (report) =>
        !WatchedIntervals.decode(stored.get(report.enrollmentId)?.intervals).includes(
          report.segment,
        ),
    );
    expect(missing).toEqual([]);
    const positions = new Set(acknowledged.map((report) => report.segment[1]));
    expect(rows).toHaveLength(LEARNERS);
    for (const row of rows) {
      expect(row.watchedSeconds).toBe(SEGMENT * REPORTS_PER_LEARNER);
      expect(positions.has(row.positionSeconds)).toBe(true);
    }
    // What counts here is that nothing acknowledged is lost, not how fast: alone it takes about
    // 35 s, but late in the full run (one jest worker, 140 files before it) it has taken over 120.
  }, 600_000);
});
