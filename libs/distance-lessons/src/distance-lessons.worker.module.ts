import { Module } from '@nestjs/common';
import { DistanceLessonsModule } from './distance-lessons.module';
import { TranscodeVideoJob } from './transcode/transcode-video.job';

/**
 * The `media.transcode-video` handler (worker only). That ffmpeg and ffprobe run is checked
 * before the worker is built (checkMediaTools).
 */
@Module({
  imports: [DistanceLessonsModule],
  providers: [TranscodeVideoJob],
})
export class DistanceLessonsWorkerModule {}
