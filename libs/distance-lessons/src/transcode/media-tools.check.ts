import { type AppConfig, StartupError } from '@lifelong/common';
import { MediaTools } from './media-tools.service';

/**
 * A worker that takes the media-transcode queue refuses to start without ffmpeg and ffprobe,
 * saying which is missing and how to fix it; other workers do not need them. Run before the
 * worker's modules are built (createWorker), so a refusal leaves no database or Redis
 * connection open behind it.
 */
export async function checkMediaTools(config: AppConfig): Promise<void> {
  if (!config.queues.enabled.includes('media-transcode')) return;
  const problems = await new MediaTools(config).check();
  if (problems.length === 0) return;
  throw new StartupError(
    [
      'The worker takes the media-transcode queue but cannot run the video tools:',
      ...problems.map((problem) => `  - ${problem}`),
      'Install them (Debian/Ubuntu: apt-get install ffmpeg), point FFMPEG_PATH and FFPROBE_PATH at them,',
      'or leave media-transcode out of WORKER_QUEUES on this machine.',
    ].join('\n'),
  );
}
