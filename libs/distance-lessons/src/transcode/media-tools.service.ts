import { execFile, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { AppConfig } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { EncodeProgress } from './encode-progress';
import { encodeArgs, type EncodeTarget } from './encode-args';
import {
  CUT_SHORT_REASON,
  sourceProblem,
  timeoutReason,
  UNREADABLE_REASON,
} from './failure-reasons';
import type { LadderPlan } from './ladder';
import { type FfprobeJson, type ProbeResult, readProbe } from './probe';
import { sourceInputArgs } from './source-input';

/** The source itself is bad: retrying cannot help; `message` is for the uploader. */
export class SourceProblemError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SourceProblemError';
  }
}

/** How one encode runs. */
export interface EncodeOptions {
  durationSeconds: number | null;
  /** Called after each progress block ffmpeg prints (about twice a second). */
  onProgress: (percent: number) => void;
}

const PROBE_TIMEOUT_MS = 120_000;
const STDERR_KEPT = 16_384;
/** An encode shorter than this share of the probed duration means the source ended early. */
const COMPLETE_SHARE = 0.9;

const tail = (text: string): string => text.slice(-STDERR_KEPT);

/**
 * ffprobe and ffmpeg (FFPROBE_PATH, FFMPEG_PATH): the only code that runs them. ffmpeg runs at
 * TRANSCODE_NICE priority and is killed after TRANSCODE_TIMEOUT_SECONDS.
 */
@Injectable()
export class MediaTools {
  constructor(private readonly config: AppConfig) {}

  /** Problems running either tool (empty when both answer `-version`). */
  async check(): Promise<string[]> {
    const { ffmpegPath, ffprobePath } = this.config.media;
    const tools = [
      { name: 'ffmpeg', path: ffmpegPath, setting: 'FFMPEG_PATH' },
      { name: 'ffprobe', path: ffprobePath, setting: 'FFPROBE_PATH' },
    ];
    const problems: string[] = [];
    for (const tool of tools) {
      const failure = await run(tool.path, ['-version'], 10_000).then(
        () => null,
        (error: unknown) => describeSpawnFailure(error),
      );
      if (failure) problems.push(`${tool.name} at "${tool.path}" (${tool.setting}): ${failure}`);
    }
    return problems;
  }

  /** Probes a local file; SourceProblemError when it is not a readable media file. */
  async probe(path: string): Promise<ProbeResult> {
    const args = [
      ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'],
      ...sourceInputArgs(),
      path,
    ];
    let stdout: string;
    try {
      stdout = await run(this.config.media.ffprobePath, args, PROBE_TIMEOUT_MS);
    } catch (error) {
      const stderr = (error as { stderr?: unknown }).stderr;
      // ffprobe that ran and refused the file: the file is the problem. Anything else (no
      // binary, killed) may pass.
      if (typeof stderr === 'string' && typeof (error as { code?: unknown }).code === 'number')
        throw new SourceProblemError(sourceProblem(stderr) ?? UNREADABLE_REASON);
      throw error;
    }
    return readProbe(JSON.parse(stdout) as FfprobeJson);
  }

  /** Encodes the plan; SourceProblemError for a bad source, a plain Error when it may pass. */
  encode(
    plan: LadderPlan,
    target: Omit<EncodeTarget, 'preset'>,
    options: EncodeOptions,
  ): Promise<void> {
    const { ffmpegPath, transcode } = this.config.media;
    const args = encodeArgs(plan, { ...target, preset: transcode.preset });
    const progress = new EncodeProgress(options.durationSeconds);
    return new Promise((resolve, reject) => {
      const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      if (child.pid !== undefined) lowerPriority(child.pid, transcode.niceness);
      let stderr = '';
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, transcode.timeoutSeconds * 1000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (progress.push(chunk)) options.onProgress(progress.percent);
      });
      child.stderr
        .setEncoding('utf8')
        .on('data', (chunk: string) => (stderr = tail(stderr + chunk)));
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        if (timedOut)
          return reject(new SourceProblemError(timeoutReason(transcode.timeoutSeconds)));
        const problem = sourceProblem(stderr);
        if (code !== 0) {
          if (problem) return reject(new SourceProblemError(problem));
          return reject(
            new Error(
              `ffmpeg ${signal ? `was killed (${signal})` : `exited ${code}`}: ${stderr.slice(-500)}`,
            ),
          );
        }
        const expected = options.durationSeconds ?? 0;
        if (problem === CUT_SHORT_REASON || progress.encodedSeconds < expected * COMPLETE_SHARE - 1)
          return reject(new SourceProblemError(CUT_SHORT_REASON));
        resolve();
      });
    });
  }
}

function lowerPriority(pid: number, niceness: number): void {
  try {
    setPriority(pid, niceness);
  } catch {
    // Not permitted here (some containers): ffmpeg runs at normal priority.
  }
}

function run(path: string, args: string[], timeout: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, args, { timeout, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error as Error, { stderr }));
      else resolve(stdout);
    });
  });
}

function describeSpawnFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES') return 'not executable';
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'did not run') : 'did not run';
}
