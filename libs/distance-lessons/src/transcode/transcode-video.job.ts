import { JobHandler, type JobContext, type JobPayloads, JOBS } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { GAVE_UP_REASON } from './failure-reasons';
import { SourceProblemError } from './media-tools.service';
import { TranscodeVideo, type TranscodeOutcome } from './transcode-video.service';

/**
 * `media.transcode-video` on the media-transcode queue. A bad source fails at once
 * (UnrecoverableError, the video `failed` with its reason); anything else is retried with
 * backoff, and the video fails only when the last attempt does.
 */
@Injectable()
export class TranscodeVideoJob {
  constructor(private readonly transcode: TranscodeVideo) {}

  @JobHandler('media.transcode-video')
  async run(
    payload: JobPayloads['media.transcode-video'],
    context: JobContext,
  ): Promise<TranscodeOutcome> {
    try {
      return await this.transcode.run(payload.videoId, (percent) => {
        void context.reportProgress(percent).catch(() => undefined);
      });
    } catch (error) {
      if (error instanceof SourceProblemError) throw new UnrecoverableError(error.message);
      const attempts = JOBS['media.transcode-video'].options.attempts ?? 1;
      if (context.attempt >= attempts) await this.transcode.giveUp(payload.videoId, GAVE_UP_REASON);
      throw error;
    }
  }
}
