import { JobHandler } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { AbandonedUploadSweep, type UploadSweep } from './abandoned-upload-sweep.service';
import { type ScratchSweep, TranscodeScratchSweep } from './transcode-scratch-sweep.service';

/** The recurring sweeps of MEDIA_DIR's scratch space (BullMQ job schedulers, hourly). */
@Injectable()
export class MediaSweepJobs {
  constructor(
    private readonly uploads: AbandonedUploadSweep,
    private readonly scratch: TranscodeScratchSweep,
  ) {}

  @JobHandler('media.sweep-abandoned-uploads')
  sweepUploads(): Promise<UploadSweep> {
    return this.uploads.sweep();
  }

  @JobHandler('media.sweep-transcode-scratch')
  sweepScratch(): Promise<ScratchSweep> {
    return this.scratch.sweep();
  }
}
