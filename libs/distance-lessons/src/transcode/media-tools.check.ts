import { AppConfig, StartupError } from '@lifelong/common';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MediaTools } from './media-tools';

/**
 * A worker that takes the media-transcode queue refuses to start without ffmpeg and ffprobe,
 * saying which is missing and how to fix it; other workers do not need them.
 */
@Injectable()
export class MediaToolsCheck implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly tools: MediaTools,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.queues.enabled.includes('media-transcode')) return;
    const problems = await this.tools.check();
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
}
