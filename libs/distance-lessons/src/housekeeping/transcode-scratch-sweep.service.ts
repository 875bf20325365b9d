import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, Clock, JobQueue, JOBS, withTimeout } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { transcodeScratchFolder } from '../storage/scratch-folders';
import { entriesOf, lastTouched } from './last-touched';

/** What one sweep did. */
export interface ScratchSweep {
  removed: number;
  kept: number;
}

const HOUR_MS = 3_600_000;
const TRANSCODE = 'media.transcode-video';
/** BullMQ would wait for Redis to come back; the sweep gives up and removes nothing instead. */
const REDIS_ANSWER_MS = 5_000;

/**
 * `media.sweep-transcode-scratch`: a run removes its video's scratch folder when it ends, and
 * the next run of the video clears what a dead one left. What is left after that (the last
 * attempt died, or the video was replaced before a retry) goes once it is
 * TRANSCODE_SCRATCH_HOURS old (above the transcode timeout) and no transcode of its video is
 * running on any worker, as BullMQ's active jobs say. Redis unreachable: nothing is removed.
 */
@Injectable()
export class TranscodeScratchSweep {
  private readonly logger = new Logger('TranscodeScratchSweep');

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
  ) {}

  async sweep(): Promise<ScratchSweep> {
    const folder = transcodeScratchFolder(this.config.media.dir);
    const cutoff =
      this.clock.now().getTime() - this.config.housekeeping.transcodeScratchHours * HOUR_MS;
    const entries = await entriesOf(folder);
    const running = entries.length > 0 ? await this.runningVideoIds() : new Set<string>();
    const outcome: ScratchSweep = { removed: 0, kept: 0 };
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const touched = await lastTouched([path]);
      if (touched === null) continue;
      if (running.has(entry.name) || touched >= cutoff) {
        outcome.kept += 1;
        continue;
      }
      await rm(path, { recursive: true, force: true });
      outcome.removed += 1;
    }
    if (outcome.removed > 0)
      this.logger.log(`Removed ${outcome.removed} stale transcode folder(s); ${outcome.kept} kept`);
    return outcome;
  }

  /** Videos a worker is transcoding now (a dead worker's job counts until BullMQ hands it on). */
  private async runningVideoIds(): Promise<Set<string>> {
    const active = await withTimeout(
      this.jobs.queue(JOBS[TRANSCODE].queue).getActive(),
      REDIS_ANSWER_MS,
      `Redis did not answer within ${REDIS_ANSWER_MS} ms`,
    );
    return new Set(
      active
        .filter((job) => job.name === TRANSCODE)
        .map((job) => (job.data as { videoId?: unknown }).videoId)
        .filter((videoId): videoId is string => typeof videoId === 'string'),
    );
  }
}
