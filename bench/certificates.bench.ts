import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CertificateSigner,
  DEFAULT_TEMPLATE,
  displaySerial,
  newSerial,
  openBadgeCredential,
  renderCertificate,
  verificationUrl,
} from '@lifelong/certificates';
import { type AppConfig, JobQueue, newId } from '@lifelong/common';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorker } from '../apps/worker/src/create-worker';
import { testConfig } from '../test/setup/test-env';
import {
  buildCourse,
  facility,
  insertLearners,
  platformAdmin,
} from '../test/support/course-fixtures';

// Certificates issued per second through the queue (`certificates.issue` on the documents
// queue, run by the real worker: row + signed credential + outbox event, PDF rendered and
// stored) against a bare loop of the same renderer and signer, in one run. Prints the figures
// and the ratio (goal ≥ 0.7); asserts no time.
const CERTIFICATES = 100;
const GOAL = 0.7;

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

describe('certificates benchmark', () => {
  let dir: string;
  let config: AppConfig;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lifelong-cert-bench-'));
    config = testConfig({ MEDIA_DIR: dir, WORKER_QUEUES: 'documents' });
    worker = await createWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('issues through the queue at a rate close to the bare renderer and signer', async () => {
    const dataSource = worker.get(DataSource);
    const admin = await platformAdmin(dataSource);
    const facilityId = await facility(worker, admin);
    const { courseId } = await buildCourse(worker, admin, facilityId, {
      lessons: [{ title: 'Bài đọc', kind: 'reading', body: '<p>Đọc</p>' }],
    });
    const learners = await insertLearners(dataSource, CERTIFICATES);
    const enrollments = learners.map(() => newId());
    const at = new Date();
    await dataSource.query(
      'INSERT INTO `enrollments` (`id`, `course_id`, `user_id`, `status`, `progress_percent`, `enrolled_at`, `completed_at`) VALUES ?',
      [enrollments.map((id, i) => [id, courseId, learners[i], 'completed', 100, at, at])],
    );

    // The floor: the same renderer and signer in a plain loop, one after another.
    const signer = worker.get(CertificateSigner);
    const { publicUrl } = config.http;
    const bareOne = async (i: number): Promise<void> => {
      const serial = displaySerial(newSerial());
      const facts = {
        certificateId: newId(),
        serial,
        holderName: `Học Viên ${i}`,
        courseId,
        courseTitle: 'Khoá học thử',
        facilityId,
        facilityName: 'Trung tâm học tập cộng đồng Thử',
        hours: 12,
        issuedAt: at,
        expiresAt: null,
      };
      signer.signJwt(openBadgeCredential(facts, { publicUrl, name: 'Lifelong' }));
      await renderCertificate(DEFAULT_TEMPLATE, {
        ...facts,
        verifyUrl: verificationUrl(publicUrl, serial),
      });
    };
    await bareOne(-1);
    const bareStarted = process.hrtime.bigint();
    for (let i = 0; i < CERTIFICATES; i++) await bareOne(i);
    const bareRate = CERTIFICATES / seconds(bareStarted);

    // Through the queue: the real worker takes the jobs; done when every PDF is stored.
    const queueStarted = process.hrtime.bigint();
    await worker.get(JobQueue).enqueueBulk(
      'certificates.issue',
      enrollments.map((enrollmentId) => ({
        payload: { enrollmentId },
        options: { jobId: `bench-${enrollmentId}` },
      })),
    );
    for (;;) {
      const [count] = await dataSource.query<{ n: string }[]>(
        'SELECT COUNT(*) AS n FROM `certificates` WHERE `course_id` = ? AND `pdf_key` IS NOT NULL',
        [courseId],
      );
      if (Number(count?.n) >= CERTIFICATES) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const queueRate = CERTIFICATES / seconds(queueStarted);
    const ratio = queueRate / bareRate;

    process.stdout.write(
      [
        `certificates: ${CERTIFICATES}, documents concurrency ${config.queues.concurrency.documents}`,
        `bare render + sign loop: ${bareRate.toFixed(1)} certificates/s`,
        `through the queue:       ${queueRate.toFixed(1)} certificates/s`,
        `ratio: ${ratio.toFixed(2)} (goal ≥ ${GOAL}) ${ratio >= GOAL ? 'met' : 'NOT met'}`,
        '',
      ].join('\n'),
    );
    const [issued] = await dataSource.query<{ n: string }[]>(
      'SELECT COUNT(*) AS n FROM `certificates` WHERE `course_id` = ?',
      [courseId],
    );
    expect(Number(issued?.n)).toBe(CERTIFICATES);
  });
});
