import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, ManualClock } from '@lifelong/common';
import { Certificate, IssueCertificate } from '@lifelong/certificates';
import { CompleteLessonService, EnrollLearnerService } from '@lifelong/enrollment';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { WorkerProcess } from '../../../test/support/worker-process';
import { testConfig } from '../../../test/setup/test-env';
import { IssueCertificateJob } from '../src/issue/issue-certificate.job';
import {
  buildCourse,
  certificatesApp,
  outboxEvents,
  person,
  removeDir,
  scratchDir,
} from './certificates-testing';

let dir: string;
let config: AppConfig;
let app: NestFastifyApplication;
let dataSource: DataSource;

beforeAll(async () => {
  dir = await scratchDir();
  config = testConfig({ MEDIA_DIR: dir });
  app = await certificatesApp(config, new ManualClock('2026-12-01T08:00:00.000Z'));
  dataSource = app.get(DataSource);
});

afterAll(async () => {
  await app?.close();
  await removeDir(dir);
});

const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
};

it('leaves exactly one certificate when the worker is killed mid-issue and the job runs again', async () => {
  const admin = await person(app, 'admin', { role: 'admin', scopeType: null, scopeId: null });
  const learner = await person(app, 'hoc.vien', {
    role: 'learner',
    scopeType: null,
    scopeId: null,
  });
  const { FacilitiesService, AdminUnitsService } = await import('@lifelong/organizations');
  const unit = await app
    .get(AdminUnitsService)
    .create(admin.principal, { code: 'AU-KILL', name: 'Tỉnh', level: 'province' });
  const facility = await app.get(FacilitiesService).create(admin.principal, {
    code: 'F-KILL',
    name: 'Trung tâm',
    type: 'community_learning_center',
    adminUnitId: unit.id,
  });
  const { courseId, lessonIds } = await buildCourse(app, admin.principal, facility.id, {
    lessons: [{ title: 'Bài đọc', kind: 'reading', body: '<p>Đọc</p>' }],
  });
  const { enrollment } = await app.get(EnrollLearnerService).enroll(learner.userId, courseId);

  // The worker's storage cannot be written: it commits the certificate, then fails on the
  // PDF and waits to retry; it is killed there, the way a machine dies.
  const blocked = join(dir, 'not-a-folder');
  await writeFile(blocked, 'a file where the storage root should be');
  const worker = await WorkerProcess.start({
    MEDIA_DIR: blocked,
    WORKER_QUEUES: 'documents,default',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    LOG_LEVEL: 'silent',
  });
  let killed = false;
  try {
    await app.get(CompleteLessonService).completeLesson(enrollment.id, lessonIds[0]!);
    await waitFor(
      'the certificate row',
      async () =>
        (await dataSource.getRepository(Certificate).findOneBy({ enrollmentId: enrollment.id })) ??
        undefined,
    );
    await worker.kill();
    killed = true;
  } finally {
    if (!killed) await worker.kill();
  }
  const halfway = await dataSource
    .getRepository(Certificate)
    .findBy({ enrollmentId: enrollment.id });
  expect(halfway).toHaveLength(1);
  expect(halfway[0]!.pdfKey).toBeNull();

  // Started again (BullMQ hands a dead worker's job to the next one once its lock expires, as
  // the transcode test shows): the rerun finds the row and only stores the missing PDF.
  const outcome = await new IssueCertificateJob(app.get(IssueCertificate)).run({
    enrollmentId: enrollment.id,
  });
  expect(outcome).toEqual({
    certificateId: halfway[0]!.id,
    serial: halfway[0]!.serial,
    created: false,
  });
  const after = await dataSource.getRepository(Certificate).findBy({ enrollmentId: enrollment.id });
  expect(after).toHaveLength(1);
  expect(after[0]!.pdfKey).toBe(`certificates/${after[0]!.id}.pdf`);
  expect(existsSync(join(dir, 'certificates', `${after[0]!.id}.pdf`))).toBe(true);
  const issued = (await outboxEvents(dataSource, 'certificate.issued')).filter(
    (event) => event.enrollmentId === enrollment.id,
  );
  expect(issued).toHaveLength(1);
}, 120_000);
