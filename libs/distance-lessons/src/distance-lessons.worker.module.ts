import { Module } from '@nestjs/common';
import { DistanceLessonsModule } from './distance-lessons.module';
import { MediaToolsCheck } from './transcode/media-tools.check';
import { TranscodeVideoJob } from './transcode/transcode-video.job';

/**
 * The `media.transcode-video` handler, and the start-up check that ffmpeg and ffprobe run when
 * this worker takes the media-transcode queue (worker only).
 */
@Module({
  imports: [DistanceLessonsModule],
  providers: [MediaToolsCheck, TranscodeVideoJob],
})
export class DistanceLessonsWorkerModule {}
