import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  type AppConfig,
  JobQueue,
  ManualClock,
  newId,
  redisConnectionOptions,
} from '@lifelong/common';
import { Logger } from '@nestjs/common';
import { Upload } from '@tus/server';
import { Worker } from 'bullmq';
import { AbandonedUploadSweep } from '../src/housekeeping/abandoned-upload-sweep.service';
import { TranscodeScratchSweep } from '../src/housekeeping/transcode-scratch-sweep.service';
import { newUploadId, UploadFileStore } from '../src/upload/upload-files';
import { mediaDir, removeMediaDir } from '../../../test/support/media-fixtures';
import { testConfig } from '../../../test/setup/test-env';

const HOUR_MS = 3_600_000;

let dir: string;
let config: AppConfig;
let clock: ManualClock;
let jobs: JobQueue;

/** Sets the modification time of every path to `hoursAgo` before the clock's now. */
async function age(hoursAgo: number, ...paths: string[]): Promise<void> {
  const when = new Date(clock.now().getTime() - hoursAgo * HOUR_MS);
  for (const path of paths) await utimes(path, when, when);
}

/** A tus upload as the api's store writes it: metadata, and the first `sent` bytes of `size`. */
async function upload(store: UploadFileStore, sent: number, size = 1_000): Promise<string> {
  const id = newUploadId();
  await store.create(
    new Upload({ id, offset: 0, size, metadata: { lessonId: newId(), uploadedBy: newId() } }),
  );
  await store.write(Readable.from([Buffer.alloc(sent, 7)]), id, 0);
  return id;
}

/** A transcode run's scratch folder, `.work/<video>/<run>/source`, all `hoursAgo` old. */
async function scratchOf(videoId: string, hoursAgo: number): Promise<string> {
  const folder = join(dir, '.work', videoId);
  const run = join(folder, newId());
  await mkdir(run, { recursive: true });
  await writeFile(join(run, 'source'), 'partial copy');
  await age(hoursAgo, join(run, 'source'), run, folder);
  return folder;
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

beforeEach(async () => {
  dir = await mediaDir();
  config = testConfig({
    MEDIA_DIR: dir,
    UPLOAD_ABANDONED_HOURS: '24',
    TRANSCODE_SCRATCH_HOURS: '6',
  });
  // Now, as the file system sees it; tests move it forward instead of waiting.
  clock = new ManualClock(new Date());
  jobs = new JobQueue(config);
  await jobs.queue('media-transcode').obliterate({ force: true });
});

afterEach(async () => {
  await jobs.onApplicationShutdown();
  await removeMediaDir(dir);
});

describe('media.sweep-abandoned-uploads', () => {
  it('removes uploads untouched for a day and keeps the ones in progress, then those too once abandoned', async () => {
    const incoming = join(dir, '.incoming');
    await mkdir(incoming, { recursive: true });
    const store = new UploadFileStore(incoming);
    const abandoned = await upload(store, 400);
    await age(25, join(incoming, abandoned), join(incoming, `${abandoned}.json`));
    // Created a day and more ago, but bytes arrived an hour ago: still going.
    const resumed = await upload(store, 600);
    await age(30, join(incoming, `${resumed}.json`));
    await age(1, join(incoming, resumed));
    const inProgress = await upload(store, 10);
    // Metadata whose bytes never came (the first PATCH never arrived).
    const neverStarted = newUploadId();
    await writeFile(join(incoming, `${neverStarted}.json`), '{}');
    await age(48, join(incoming, `${neverStarted}.json`));
    // Not an upload of ours: never touched, however old.
    await writeFile(join(incoming, 'notes.txt'), 'kept');
    await age(100, join(incoming, 'notes.txt'));

    const sweep = new AbandonedUploadSweep(config, clock);
    expect(await sweep.sweep()).toEqual({ removed: 2, kept: 2 });
    expect((await readdir(incoming)).sort()).toEqual(
      [resumed, `${resumed}.json`, inProgress, `${inProgress}.json`, 'notes.txt'].sort(),
    );
    // The upload in progress goes on where it stopped.
    expect((await store.getUpload(inProgress)).offset).toBe(10);
    expect(await store.write(Readable.from([Buffer.alloc(20, 1)]), inProgress, 10)).toBe(30);
    expect(await sweep.sweep()).toEqual({ removed: 0, kept: 2 });

    // A day later, with no byte more, both are abandoned.
    clock.advance(24 * HOUR_MS + 60_000);
    expect(await sweep.sweep()).toEqual({ removed: 2, kept: 0 });
    expect(await readdir(incoming)).toEqual(['notes.txt']);
  });

  it('does nothing when no upload ever came', async () => {
    expect(await new AbandonedUploadSweep(config, clock).sweep()).toEqual({ removed: 0, kept: 0 });
  });
});

describe('media.sweep-transcode-scratch', () => {
  it('removes old scratch folders whose video no worker is transcoding, and keeps the rest', async () => {
    const [deadRun, running, fresh] = [newId(), newId(), newId()];
    const dead = await scratchOf(deadRun, 7);
    const busy = await scratchOf(running, 7);
    const young = await scratchOf(fresh, 1);

    // A worker is transcoding `running` right now (a long source: its folder is old).
    await jobs.enqueue('media.transcode-video', { videoId: running }, { jobId: `busy-${running}` });
    let finish = (): void => undefined;
    const busyWorker = new Worker(
      'media-transcode',
      () => new Promise<void>((resolve) => (finish = resolve)),
      { connection: redisConnectionOptions(config, 'worker'), prefix: config.queues.prefix },
    );
    try {
      const queue = jobs.queue('media-transcode');
      for (let waited = 0; (await queue.getActiveCount()) === 0 && waited < 10_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queue.getActiveCount()).toBe(1);

      const sweep = new TranscodeScratchSweep(config, clock, jobs);
      expect(await sweep.sweep()).toEqual({ removed: 1, kept: 2 });
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(busy)).toBe(true);
      expect(existsSync(young)).toBe(true);

      // The run ends without cleaning up (its process died): the next sweep takes its folder.
      finish();
      for (let waited = 0; (await queue.getActiveCount()) > 0 && waited < 10_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await sweep.sweep()).toEqual({ removed: 1, kept: 1 });
      expect(existsSync(busy)).toBe(false);
      expect(existsSync(young)).toBe(true);

      clock.advance(6 * HOUR_MS);
      expect(await sweep.sweep()).toEqual({ removed: 1, kept: 0 });
      expect(await readdir(join(dir, '.work'))).toEqual([]);
    } finally {
      finish();
      await busyWorker.close();
    }
  });

  it('removes nothing while Redis cannot say which transcodes are running', async () => {
    const stale = await scratchOf(newId(), 10);
    // Redis away: BullMQ waits for it to come back and never answers.
    const silent = { queue: () => ({ getActive: () => new Promise<never>(() => undefined) }) };
    const sweep = new TranscodeScratchSweep(config, clock, silent as unknown as JobQueue);
    await expect(sweep.sweep()).rejects.toThrow(/Redis did not answer/);
    expect(existsSync(stale)).toBe(true);
  });
});
