import {
  ConfigModule,
  currentRequestId,
  JobHandler,
  type JobContext,
  type JobName,
  JobQueue,
  JOBS,
  JobsModule,
} from '@lifelong/common';
import { Injectable, Logger, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { testConfig } from '../../../test/setup/test-env';
import { JobRuntimeModule } from '../src/jobs/job-runtime.module';

const config = testConfig({ WORKER_QUEUES: 'default', OUTBOX_RELAY_INTERVAL_MS: '60000' });

interface Run {
  importId: string;
  requestId?: string;
  attempt: number;
}

/** The handler under test for `organizations.import-staff`; its behaviour follows the payload. */
@Injectable()
class ImportStaffProbe {
  readonly runs: Run[] = [];
  finishedSlow = false;

  @JobHandler('organizations.import-staff')
  async importStaff({ importId }: { importId: string }, context: JobContext): Promise<string> {
    this.runs.push({ importId, requestId: currentRequestId(), attempt: context.attempt });
    if (importId === 'refused') throw new UnrecoverableError('bad input');
    if (importId === 'flaky' && context.attempt === 1) throw new Error('try again');
    if (importId === 'slow') {
      await new Promise((resolve) => setTimeout(resolve, 300));
      this.finishedSlow = true;
    }
    return `imported ${importId}`;
  }
}

/** A do-nothing handler for each of `jobs`, so the start-up check is satisfied. */
function stubHandlers(jobs: readonly string[]): Type {
  class StubHandlers {}
  for (const job of jobs) {
    const descriptor = { value: (): undefined => undefined };
    Object.defineProperty(StubHandlers.prototype, job, descriptor);
    JobHandler(job as JobName)(StubHandlers.prototype, job, descriptor);
  }
  Injectable()(StubHandlers);
  return StubHandlers;
}

const defaultQueueJobs = Object.entries(JOBS)
  .filter(([, definition]) => definition.queue === 'default')
  .map(([job]) => job);
const others = (...except: string[]): string[] =>
  defaultQueueJobs.filter((job) => !except.includes(job));

let moduleRef: TestingModule | undefined;

async function startWorker(...handlers: Type[]): Promise<TestingModule> {
  moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), JobsModule, JobRuntimeModule],
    providers: handlers,
  }).compile();
  const compiled = moduleRef;
  // A refused start leaves nothing running, and close() would only repeat the refusal.
  await compiled.init().catch((error: unknown) => {
    moduleRef = undefined;
    throw error;
  });
  return compiled;
}

/** The job once it completed or failed for good. */
async function settled(queue: Queue, id: string): Promise<Job> {
  for (let tries = 0; tries < 100; tries += 1) {
    const state = await queue.getJobState(id);
    if (state === 'completed' || state === 'failed') return (await queue.getJob(id))!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not settle`);
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

afterEach(async () => {
  await moduleRef?.close();
  moduleRef = undefined;
});

describe('worker start-up check', () => {
  it('refuses to start when a job of an enabled queue has no handler, naming it', async () => {
    await expect(startWorker(stubHandlers(others('organizations.import-staff')))).rejects.toThrow(
      /organizations\.import-staff \(queue default\): no handler/,
    );
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const second = stubHandlers(['organizations.import-staff']);
    await expect(
      startWorker(ImportStaffProbe, second, stubHandlers(others('organizations.import-staff'))),
    ).rejects.toThrow(
      /organizations\.import-staff: 2 handlers \((ImportStaffProbe\.importStaff, StubHandlers\.organizations\.import-staff|StubHandlers\.organizations\.import-staff, ImportStaffProbe\.importStaff)\)/,
    );
  });
});

describe('worker runtime', () => {
  async function running(): Promise<{ probe: ImportStaffProbe; jobs: JobQueue }> {
    const app = await startWorker(
      ImportStaffProbe,
      stubHandlers(others('organizations.import-staff')),
    );
    return { probe: app.get(ImportStaffProbe), jobs: app.get(JobQueue) };
  }
  const fastRetry = { backoff: { type: 'fixed', delay: 10 } };

  it('hands the payload to the handler inside the request id that caused the job', async () => {
    const { probe, jobs } = await running();
    const id = await jobs.enqueue(
      'organizations.import-staff',
      { importId: 'a' },
      {},
      { requestId: 'req-7' },
    );
    const job = await settled(jobs.queue('default'), id);
    expect(job.returnvalue).toBe('imported a');
    expect(probe.runs).toEqual([{ importId: 'a', requestId: 'req-7', attempt: 1 }]);
  });

  it('retries a failing job but fails an UnrecoverableError at once', async () => {
    const { probe, jobs } = await running();
    const queue = jobs.queue('default');
    const flaky = await jobs.enqueue(
      'organizations.import-staff',
      { importId: 'flaky' },
      fastRetry,
    );
    const refused = await jobs.enqueue(
      'organizations.import-staff',
      { importId: 'refused' },
      fastRetry,
    );
    expect(await (await settled(queue, flaky)).getState()).toBe('completed');
    const failed = await settled(queue, refused);
    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    expect(probe.runs.filter((run) => run.importId === 'flaky').map((run) => run.attempt)).toEqual([
      1, 2,
    ]);
  });

  it('registers the outbox relay as a job scheduler', async () => {
    const { jobs } = await running();
    const schedulers = await jobs.queue('default').getJobSchedulers();
    // Other domains schedule their own recurring jobs on `default` too.
    expect(schedulers).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'outbox.relay', every: 60000 })]),
    );
  });

  it('lets a job in flight finish when shutting down', async () => {
    const { probe, jobs } = await running();
    const id = await jobs.enqueue('organizations.import-staff', { importId: 'slow' });
    while (!probe.runs.some((run) => run.importId === 'slow')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await moduleRef!.close();
    moduleRef = undefined;
    expect(probe.finishedSlow).toBe(true);
    const check = new JobQueue(config);
    try {
      expect(await (await check.queue('default').getJob(id))!.getState()).toBe('completed');
    } finally {
      await check.onApplicationShutdown();
    }
  });
});
