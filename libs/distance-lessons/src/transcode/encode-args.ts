import type { LadderPlan } from './ladder';
import { sourceInputArgs } from './source-input';

/** Where one encode reads and writes, and how hard x264 works. */
export interface EncodeTarget {
  input: string;
  /** Receives `master.m3u8`, `<rendition>/index.m3u8`, `<rendition>/seg_NNNNN.ts`, `poster.jpg`. */
  outputDir: string;
  /** x264 preset (TRANSCODE_PRESET). */
  preset: string;
}

/** The files an encode leaves in its output folder, relative to it. */
export const MASTER_PLAYLIST = 'master.m3u8';
export const POSTER_FILE = 'poster.jpg';
export const VARIANT_PLAYLIST = 'index.m3u8';

/**
 * `[0:v]` → constant frame rate → split into one branch per rendition plus one for the poster.
 * The poster branch keeps the first frame at or after `posterAtSeconds`.
 */
export function filterGraph(plan: LadderPlan): string {
  const count = plan.renditions.length;
  const branches = plan.renditions.map((_, i) => `[s${i}]`).join('');
  const top = plan.renditions[count - 1];
  const scaled = plan.renditions.map(
    (r, i) => `[s${i}]scale=${r.width}:${r.height}:flags=bicubic,setsar=1[v${i}]`,
  );
  const poster = `[sp]select='gte(t\\,${plan.posterAtSeconds})',scale=${top?.width ?? -2}:${top?.height ?? -2},setsar=1[vp]`;
  return [`[0:v]fps=${plan.frameRate},split=${count + 1}${branches}[sp]`, ...scaled, poster].join(
    ';',
  );
}

function streamArgs(plan: LadderPlan): string[] {
  const args: string[] = [];
  plan.renditions.forEach((rendition, i) => {
    args.push('-map', `[v${i}]`);
    if (plan.audio) args.push('-map', '0:a:0');
  });
  plan.renditions.forEach((r, i) => {
    args.push(
      `-b:v:${i}`,
      `${r.videoKbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(r.videoKbps * 1.1)}k`,
      `-bufsize:v:${i}`,
      `${r.videoKbps * 2}k`,
    );
    if (r.audioKbps !== null) args.push(`-b:a:${i}`, `${r.audioKbps}k`);
  });
  return args;
}

const streamMap = (plan: LadderPlan): string =>
  plan.renditions
    .map((r, i) => (plan.audio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`))
    .join(' ');

/**
 * The one ffmpeg run that makes every rendition, the master playlist and the poster: x264 with
 * keyframes forced on segment boundaries (so every variant switches at the same instants), AAC
 * stereo, ~6-second MPEG-TS segments, and progress as `key=value` lines on stdout.
 */
export function encodeArgs(plan: LadderPlan, target: EncodeTarget): string[] {
  const out = target.outputDir.replace(/\/+$/, '');
  const audio = plan.audio ? ['-c:a', 'aac', '-ac', '2'] : [];
  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
    ...['-progress', 'pipe:1', '-nostats'],
    ...sourceInputArgs(),
    ...['-i', target.input],
    ...['-filter_complex', filterGraph(plan)],
    ...streamArgs(plan),
    ...['-c:v', 'libx264', '-preset', target.preset, '-pix_fmt', 'yuv420p'],
    ...['-g', String(plan.keyframeInterval), '-keyint_min', String(plan.keyframeInterval)],
    ...['-sc_threshold', '0', '-force_key_frames', `expr:gte(t,n_forced*${plan.segmentSeconds})`],
    ...audio,
    ...['-max_muxing_queue_size', '4096'],
    ...['-f', 'hls', '-hls_time', String(plan.segmentSeconds), '-hls_playlist_type', 'vod'],
    ...['-hls_flags', 'independent_segments', '-hls_segment_type', 'mpegts'],
    ...['-hls_segment_filename', `${out}/%v/seg_%05d.ts`],
    ...['-master_pl_name', MASTER_PLAYLIST, '-var_stream_map', streamMap(plan)],
    `${out}/%v/${VARIANT_PLAYLIST}`,
    ...['-map', '[vp]', '-frames:v', '1', '-q:v', '3', '-update', '1'],
    `${out}/${POSTER_FILE}`,
  ];
}
