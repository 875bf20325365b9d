import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, Clock } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { incomingUploadsFolder } from '../storage/scratch-folders';
import { isUploadId } from '../upload/upload-files';
import { entriesOf, lastTouched } from './last-touched';

/** What one sweep did (counts only: an upload id is as good as a key to its upload). */
export interface UploadSweep {
  removed: number;
  kept: number;
}

const HOUR_MS = 3_600_000;

/**
 * `media.sweep-abandoned-uploads`: a tus upload whose bytes and metadata nobody has written for
 * UPLOAD_ABANDONED_HOURS is abandoned (the uploader closed the tab, lost the course, gave up), and
 * both its files go. An upload in progress is written to at every PATCH, so it stays however
 * long it takes; a client resuming after the sweep gets 404 and starts over. Only names this
 * server gives uploads are looked at: whatever else is in the folder is not ours to remove.
 */
@Injectable()
export class AbandonedUploadSweep {
  private readonly logger = new Logger('AbandonedUploadSweep');

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<UploadSweep> {
    const folder = incomingUploadsFolder(this.config.media.dir);
    const cutoff =
      this.clock.now().getTime() - this.config.housekeeping.abandonedUploadHours * HOUR_MS;
    const uploadIds = new Set(
      (await entriesOf(folder))
        .map((entry) => entry.name.replace(/\.json$/, ''))
        .filter((name) => isUploadId(name)),
    );
    const outcome: UploadSweep = { removed: 0, kept: 0 };
    for (const id of uploadIds) {
      const files = [join(folder, id), join(folder, `${id}.json`)];
      const touched = await lastTouched(files);
      if (touched === null) continue;
      if (touched >= cutoff) {
        outcome.kept += 1;
        continue;
      }
      await Promise.all(files.map((file) => rm(file, { force: true })));
      outcome.removed += 1;
    }
    if (outcome.removed > 0)
      this.logger.log(
        `Removed ${outcome.removed} abandoned upload(s); ${outcome.kept} in progress`,
      );
    return outcome;
  }
}
