import { Module } from '@nestjs/common';
import { DistanceLessonsModule } from './distance-lessons.module';
import { AbandonedUploadSweep } from './housekeeping/abandoned-upload-sweep.service';
import { MediaSweepJobs } from './housekeeping/media-sweeps.job';
import { TranscodeScratchSweep } from './housekeeping/transcode-scratch-sweep.service';
import { TranscodeVideoJob } from './transcode/transcode-video.job';

/**
 * The `media.transcode-video` handler and the recurring sweeps of abandoned uploads and
 * transcode scratch folders (worker only). That ffmpeg and ffprobe run is checked before the
 * worker is built (checkMediaTools).
 */
@Module({
  imports: [DistanceLessonsModule],
  providers: [TranscodeVideoJob, AbandonedUploadSweep, TranscodeScratchSweep, MediaSweepJobs],
})
export class DistanceLessonsWorkerModule {}
