import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppConfig, JobQueue, ManualClock } from '@lifelong/common';
import { Certificate } from '@lifelong/certificates';
import { CompleteLessonService, EnrollLearnerService } from '@lifelong/enrollment';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { eventually, waitForQueues } from '../../../test/support/e2e';
import { holdReader, makeNamedPipe } from '../../../test/support/named-pipe';
import { SmtpTestServer } from '../../../test/support/smtp-test-server';
import { WorkerProcess } from '../../../test/support/worker-process';
import { testConfig } from '../../../test/setup/test-env';
import {
  buildCourse,
  certificatesApp,
  outboxEvents,
  pdfText,
  person,
  removeDir,
  scratchDir,
} from './certificates-testing';

/**
 * Short locks and checks, so a dead worker's job goes to the next one within seconds; long enough
 * that a live worker on a busy machine keeps its lock.
 */
const HANDOVER = { WORKER_LOCK_DURATION_MS: '5000', WORKER_STALLED_INTERVAL_MS: '2000' };

let dir: string;
let config: AppConfig;
let app: NestFastifyApplication;
let dataSource: DataSource;
const smtp = new SmtpTestServer();

beforeAll(async () => {
  dir = await scratchDir();
  await smtp.start();
  config = testConfig({ MEDIA_DIR: dir });
  app = await certificatesApp(config, new ManualClock('2026-12-01T08:00:00.000Z'));
  dataSource = app.get(DataSource);
});

afterAll(async () => {
  await app?.close();
  await smtp.stop();
  await removeDir(dir);
});

/**
 * A working directory whose font package holds a named pipe in place of the font file: the PDF
 * renderer finds its fonts from the working directory, so a worker started there stops while it
 * renders, with the certificate's row and event committed and its PDF not yet stored.
 */
async function fontsThatNeverArrive(): Promise<{ cwd: string; font: string }> {
  const cwd = join(dir, 'worker-without-fonts');
  const fonts = join(cwd, 'node_modules', 'dejavu-fonts-ttf');
  await mkdir(join(fonts, 'ttf'), { recursive: true });
  await writeFile(join(cwd, 'package.json'), '{"private":true}');
  await writeFile(join(fonts, 'package.json'), '{"name":"dejavu-fonts-ttf","version":"0.0.0"}');
  const font = join(fonts, 'ttf', 'DejaVuSans.ttf');
  await makeNamedPipe(font);
  return { cwd, font };
}

it('hands the issue of a worker killed mid-PDF to the next worker: one certificate, one PDF, one email', async () => {
  const admin = await person(app, 'admin', { role: 'admin', scopeType: null, scopeId: null });
  const learner = await person(app, 'hoc.vien', {
    role: 'learner',
    scopeType: null,
    scopeId: null,
  });
  const [{ email }] = await dataSource.query<[{ email: string }]>(
    'SELECT `email` FROM `users` WHERE `id` = ?',
    [learner.userId],
  );
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
  const [{ title }] = await dataSource.query<[{ title: string }]>(
    'SELECT `title` FROM `courses` WHERE `id` = ?',
    [courseId],
  );
  const { enrollment } = await app.get(EnrollLearnerService).enroll(learner.userId, courseId);
  const certificateEmails = () =>
    smtp.to(email).filter((message) => /chứng chỉ/.test(message.mail.subject ?? ''));
  const certificates = () =>
    dataSource.getRepository(Certificate).findBy({ enrollmentId: enrollment.id });

  const blocked = await fontsThatNeverArrive();
  const first = await WorkerProcess.start(
    {
      MEDIA_DIR: dir,
      WORKER_QUEUES: 'documents,default',
      OUTBOX_RELAY_INTERVAL_MS: '100',
      LOG_LEVEL: 'silent',
      ...HANDOVER,
    },
    { cwd: blocked.cwd },
  );
  let firstAlive = true;
  try {
    await app.get(CompleteLessonService).completeLesson(enrollment.id, lessonIds[0]!);
    // The worker is reading the font: it is in the middle of the job. It dies there.
    const held = await holdReader(blocked.font, { timeout: 45_000 });
    try {
      await first.kill();
      firstAlive = false;
    } finally {
      await held.release();
    }
  } finally {
    if (firstAlive) await first.kill();
  }
  const halfway = await certificates();
  expect(halfway).toHaveLength(1);
  expect(halfway[0]!.pdfKey).toBeNull();
  const documents = app.get(JobQueue).queue('documents');
  // The queue's other jobs (scheduled sweeps) come and go; this job is the one to follow.
  const issueJobs = async () =>
    (await documents.getJobs(['active', 'wait', 'delayed', 'completed', 'failed'])).filter(
      (job) => job.name === 'certificates.issue',
    );
  const [running, ...besides] = await issueJobs();
  expect(besides).toEqual([]);
  expect(await running!.getState()).toBe('active');

  // Nobody runs the job again by hand: the next worker finds its lock lapsed and takes it over.
  const second = await WorkerProcess.start({
    MEDIA_DIR: dir,
    WORKER_QUEUES: 'documents,notifications,default',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
    ...HANDOVER,
  });
  try {
    await eventually(
      'the certificate PDF stored by the second worker',
      async () => ((await certificates())[0]?.pdfKey ? true : undefined),
      { timeout: 45_000 },
    );
    await eventually(
      'the certificate email',
      () => Promise.resolve(certificateEmails().length > 0 || undefined),
      { timeout: 20_000 },
    );
    await waitForQueues(app, { timeout: 20_000 });
  } finally {
    await second.kill();
  }

  const [certificate, ...more] = await certificates();
  expect(more).toEqual([]);
  expect(certificate).toMatchObject({ id: halfway[0]!.id, serial: halfway[0]!.serial });
  expect(certificate!.pdfKey).toBe(`certificates/${certificate!.id}.pdf`);
  const pdf = await readFile(join(dir, 'certificates', `${certificate!.id}.pdf`));
  const text = await pdfText(pdf, dir);
  expect(text).toContain('Người dùng hoc.vien');
  expect(text).toContain(title);
  const issued = (await outboxEvents(dataSource, 'certificate.issued')).filter(
    (event) => event.enrollmentId === enrollment.id,
  );
  expect(issued).toHaveLength(1);
  expect(certificateEmails()).toHaveLength(1);

  // One job, run twice: the dead worker's run stalled, the second worker's finished the PDF.
  const [job, ...others] = await issueJobs();
  expect(others).toEqual([]);
  expect(job).toMatchObject({
    name: 'certificates.issue',
    stalledCounter: 1,
    returnvalue: { certificateId: certificate!.id, created: false },
  });
}, 120_000);
