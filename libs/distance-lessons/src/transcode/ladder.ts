import type { ProbeResult } from './probe';

/** One HLS variant to encode. */
export interface Rendition {
  /** `<short side>p`, also the variant's folder name. */
  name: string;
  width: number;
  height: number;
  videoKbps: number;
  /** Null when the source has no sound. */
  audioKbps: number | null;
  /** Peak bits per second, as the master playlist announces it. */
  bandwidth: number;
}

/** What to encode: renditions from small to large, one frame rate, where to take the poster. */
export interface LadderPlan {
  renditions: Rendition[];
  audio: boolean;
  /** Constant output rate (variable-rate sources are evened out). */
  frameRate: number;
  /** Frames between forced keyframes: one segment's worth. */
  keyframeInterval: number;
  segmentSeconds: number;
  posterAtSeconds: number;
}

/** Either a plan, or why the source cannot be turned into a lesson video (for a person). */
export type LadderDecision = { ok: true; plan: LadderPlan } | { ok: false; reason: string };

/** The rungs (short side of the picture) with their target bitrates. */
const RUNGS = [
  { short: 240, videoKbps: 400, audioKbps: 64 },
  { short: 360, videoKbps: 800, audioKbps: 96 },
  { short: 720, videoKbps: 2800, audioKbps: 128 },
  { short: 1080, videoKbps: 5000, audioKbps: 128 },
] as const;
export const MAX_SHORT_SIDE = 1080;
export const SEGMENT_SECONDS = 6;
const MAX_FRAME_RATE = 30;
const DEFAULT_FRAME_RATE = 25;
/** A source this much larger than its highest rung also gets a rendition at its own size. */
const OWN_SIZE_MARGIN = 1.2;
/** Peak over average bitrate (the encoder's VBV ceiling). */
export const PEAK_FACTOR = 1.1;

const even = (value: number): number => Math.max(2, 2 * Math.round(value / 2));
const evenDown = (value: number): number => Math.max(2, 2 * Math.floor(value / 2));

/** Lower rates for lessons: 50/60 fps halve, anything else above 30 becomes 30. */
function frameRateFor(source: number | null): number {
  if (source === null || !Number.isFinite(source) || source < 1) return DEFAULT_FRAME_RATE;
  if (source <= MAX_FRAME_RATE + 0.5) return Math.round(source * 1000) / 1000;
  const half = source / 2;
  return half <= MAX_FRAME_RATE + 0.5 ? Math.round(half * 1000) / 1000 : MAX_FRAME_RATE;
}

/** Bitrates for a short side between two rungs, scaled by picture area. */
function ratesFor(short: number): { videoKbps: number; audioKbps: number } {
  const rung = [...RUNGS].reverse().find((candidate) => candidate.short <= short) ?? RUNGS[0];
  const scale = (short / rung.short) ** 2;
  return { videoKbps: Math.round(rung.videoKbps * scale), audioKbps: rung.audioKbps };
}

/** Short sides to encode: every rung the source reaches, plus its own size when well above. */
function shortSides(sourceShort: number): number[] {
  const capped = Math.min(sourceShort, MAX_SHORT_SIDE);
  const rungs = RUNGS.map((rung) => rung.short).filter((short) => short <= capped);
  const top = rungs.at(-1);
  if (top === undefined) return [evenDown(capped)];
  return capped >= top * OWN_SIZE_MARGIN ? [...rungs, evenDown(capped)] : rungs;
}

function rendition(
  short: number,
  display: { width: number; height: number },
  audio: boolean,
): Rendition {
  const landscape = display.width >= display.height;
  const sourceLong = Math.max(display.width, display.height);
  // Rounding to even never makes a side longer than the source's.
  const long = Math.min(
    even((short * sourceLong) / Math.min(display.width, display.height)),
    evenDown(sourceLong),
  );
  const { videoKbps, audioKbps } = ratesFor(short);
  const sound = audio ? audioKbps : null;
  return {
    name: `${short}p`,
    width: landscape ? long : short,
    height: landscape ? short : long,
    videoKbps,
    audioKbps: sound,
    bandwidth: Math.round((videoKbps * PEAK_FACTOR + (sound ?? 0)) * 1000),
  };
}

/**
 * Plans the HLS ladder for a probed source. Never upscales; keeps the displayed aspect ratio
 * (rotation and non-square pixels applied) with even dimensions; caps the short side at 1080;
 * handles sources without sound; refuses sources without a picture with a reason.
 */
export function planLadder(probe: ProbeResult): LadderDecision {
  const video = probe.video;
  if (!video)
    return {
      ok: false,
      reason: probe.hasAudio
        ? 'No video stream found: this file has only sound. Upload a video file.'
        : 'No video stream found in this file. Upload a video file (MP4, MOV, MKV, WebM…).',
    };
  if (probe.durationSeconds !== null && probe.durationSeconds < 0.1)
    return { ok: false, reason: 'The video has no length. Upload the recording again.' };
  const quarterTurn = video.rotation === 90 || video.rotation === 270;
  const shownWidth = video.width * video.pixelAspect;
  const display = quarterTurn
    ? { width: video.height, height: shownWidth }
    : { width: shownWidth, height: video.height };
  const sourceShort = Math.floor(Math.min(display.width, display.height));
  const frameRate = frameRateFor(video.frameRate);
  const duration = probe.durationSeconds ?? 0;
  return {
    ok: true,
    plan: {
      renditions: shortSides(sourceShort).map((short) => rendition(short, display, probe.hasAudio)),
      audio: probe.hasAudio,
      frameRate,
      keyframeInterval: Math.max(1, Math.round(frameRate * SEGMENT_SECONDS)),
      segmentSeconds: SEGMENT_SECONDS,
      posterAtSeconds: Math.round(Math.min(5, duration / 4) * 1000) / 1000,
    },
  };
}
