import { StartupError } from '@lifelong/common';
import { createTestWorker } from '../../../test/support/test-worker';
import { testConfig } from '../../../test/setup/test-env';

// Each test starts a whole worker: on a busy two-core machine that can take half a minute.
jest.setTimeout(60_000);

describe('the worker checks for ffmpeg and ffprobe', () => {
  it('refuses to take the media-transcode queue without them, saying which and how to fix it', async () => {
    const refusal = createTestWorker(
      testConfig({
        WORKER_QUEUES: 'media-transcode',
        FFMPEG_PATH: '/nonexistent/ffmpeg',
        FFPROBE_PATH: '/nonexistent/ffprobe',
      }),
    );
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(
      /ffmpeg at "\/nonexistent\/ffmpeg" \(FFMPEG_PATH\): not found.*ffprobe at "\/nonexistent\/ffprobe" \(FFPROBE_PATH\): not found.*apt-get install ffmpeg/s,
    );
  });

  it('does not need them on a worker that only takes other queues', async () => {
    const worker = await createTestWorker(
      testConfig({ WORKER_QUEUES: 'notifications', FFMPEG_PATH: '/nonexistent/ffmpeg' }),
    );
    await worker.close();
  });

  it('starts with them', async () => {
    const worker = await createTestWorker(testConfig({ WORKER_QUEUES: 'media-transcode' }));
    await worker.close();
  });
});
