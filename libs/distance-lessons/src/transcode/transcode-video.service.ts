import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, newId } from '@lifelong/common';
import { Injectable, Logger } from '@nestjs/common';
import { hlsPrefix, sourceKey, videoPrefix } from '../storage/media-keys';
import { MediaStorage } from '../storage/media-storage';
import { transcodeScratchFolder } from '../storage/scratch-folders';
import { VideoLifecycle } from '../videos/video-lifecycle.service';
import { VideosRepository } from '../videos/videos.repository';
import type { RenditionSummary } from '../videos/video-status';
import { MASTER_PLAYLIST, POSTER_FILE, VARIANT_PLAYLIST } from './encode-args';
import { type LadderPlan, planLadder } from './ladder';
import { MediaTools, SourceProblemError } from './media-tools.service';

/** What one transcode run did. */
export type TranscodeOutcome =
  | { status: 'ready'; durationSeconds: number; renditions: RenditionSummary[] }
  | { status: 'failed'; reason: string }
  | { status: 'skipped'; because: 'superseded' | 'ready' | 'failed' };

/** Progress is written at most this often (ffmpeg reports twice a second). */
const PROGRESS_EVERY_MS = 1_000;

/**
 * One transcode of one video: probe, plan, encode every rendition and the poster in one ffmpeg
 * run into a scratch folder, publish the folder, then mark the video ready. A video already
 * finished is left alone; a crash at any point publishes nothing, and the next run starts from
 * a clean scratch folder.
 */
@Injectable()
export class TranscodeVideo {
  private readonly logger = new Logger('TranscodeVideo');

  constructor(
    private readonly videos: VideosRepository,
    private readonly config: AppConfig,
    private readonly storage: MediaStorage,
    private readonly tools: MediaTools,
    private readonly lifecycle: VideoLifecycle,
  ) {}

  /**
   * Runs the transcode. Throws SourceProblemError (after marking the video failed) when the
   * source is bad; other errors are passing and leave the video processing for a retry.
   */
  async run(videoId: string, onProgress?: (percent: number) => void): Promise<TranscodeOutcome> {
    const video = await this.videos.findById(videoId);
    if (!video) return { status: 'skipped', because: 'superseded' };
    if (video.status !== 'processing') return { status: 'skipped', because: video.status };
    const runToken = newId();
    if (!(await this.lifecycle.claim(videoId, runToken)))
      return { status: 'skipped', because: 'superseded' };
    const scratchOfVideo = join(transcodeScratchFolder(this.config.media.dir), videoId);
    // A run that died left its folder behind; this run owns the video now.
    await rm(scratchOfVideo, { recursive: true, force: true });
    const scratch = join(scratchOfVideo, runToken);
    await mkdir(scratch, { recursive: true });
    try {
      return await this.transcode(videoId, runToken, scratch, onProgress);
    } catch (error) {
      if (error instanceof SourceProblemError)
        await this.lifecycle.markFailed(videoId, runToken, error.message);
      throw error;
    } finally {
      await rm(scratchOfVideo, { recursive: true, force: true });
    }
  }

  /** Marks a video failed for a reason found outside a run (retries spent). */
  async giveUp(videoId: string, reason: string): Promise<void> {
    const video = await this.videos.findById(videoId);
    if (video?.status === 'processing' && video.runToken)
      await this.lifecycle.markFailed(videoId, video.runToken, reason);
  }

  private async transcode(
    videoId: string,
    runToken: string,
    scratch: string,
    onProgress?: (percent: number) => void,
  ): Promise<TranscodeOutcome> {
    const input = await this.storage.localCopy(sourceKey(videoId), join(scratch, 'source'));
    const probe = await this.tools.probe(input);
    const decision = planLadder(probe);
    if (!decision.ok) throw new SourceProblemError(decision.reason);
    const { plan } = decision;
    const output = join(scratch, 'hls');
    await this.tools.encode(
      plan,
      { input, outputDir: output },
      {
        durationSeconds: probe.durationSeconds,
        onProgress: this.progressWriter(videoId, runToken, onProgress),
      },
    );
    await assertOutputs(output, plan);
    await this.storage.publishFolder(output, hlsPrefix(videoId));
    const result = {
      durationSeconds: Math.max(1, Math.round(probe.durationSeconds ?? 0)),
      renditions: plan.renditions.map(({ name, width, height, bandwidth }) => ({
        name,
        width,
        height,
        bandwidth,
      })),
    };
    if ((await this.lifecycle.markReady(videoId, runToken, result)) === 'gone') {
      // Superseded while encoding: what was just published belongs to nobody. (A video still
      // there was taken over by a newer run, which publishes its own output.)
      if (!(await this.videos.exists(videoId)))
        await this.storage.deletePrefix(videoPrefix(videoId));
      return { status: 'skipped', because: 'superseded' };
    }
    return { status: 'ready', ...result };
  }

  private progressWriter(
    videoId: string,
    runToken: string,
    onProgress?: (percent: number) => void,
  ): (percent: number) => void {
    let written = 0;
    let lastAt = 0;
    return (percent) => {
      const now = performance.now();
      if (percent <= written || now - lastAt < PROGRESS_EVERY_MS) return;
      written = percent;
      lastAt = now;
      onProgress?.(percent);
      this.lifecycle.reportProgress(videoId, runToken, percent).catch((error: unknown) => {
        this.logger.warn(`Progress of video ${videoId} not saved: ${String(error)}`);
      });
    };
  }
}

/** ffmpeg exited 0 but a file is missing: treated as a passing failure (disk full, a kill). */
async function assertOutputs(folder: string, plan: LadderPlan): Promise<void> {
  const expected = [
    MASTER_PLAYLIST,
    POSTER_FILE,
    ...plan.renditions.map((rendition) => join(rendition.name, VARIANT_PLAYLIST)),
  ];
  for (const file of expected) {
    const info = await stat(join(folder, file)).catch(() => null);
    if (!info || info.size === 0) throw new Error(`ffmpeg left no ${file}`);
  }
}
