/** What the planner needs to know about a source, read from ffprobe's JSON. */
export interface ProbeResult {
  /** ffprobe's container name list, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  /** Null when neither the container nor any stream says. */
  durationSeconds: number | null;
  video: VideoStreamInfo | null;
  hasAudio: boolean;
}

export interface VideoStreamInfo {
  codec: string;
  /** Coded size, before rotation. */
  width: number;
  height: number;
  /** Pixel aspect ratio (width of a pixel over its height); 1 for square pixels. */
  pixelAspect: number;
  /** Clockwise degrees the player must rotate the picture: 0, 90, 180 or 270. */
  rotation: 0 | 90 | 180 | 270;
  /** Average frames per second, when known. */
  frameRate: number | null;
  /** Timestamps are irregular (phones): the average and the base rate disagree. */
  variableFrameRate: boolean;
}

/** The parts of `ffprobe -print_format json -show_format -show_streams` we read. */
export interface FfprobeJson {
  format?: { format_name?: string; duration?: string };
  streams?: FfprobeStream[];
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string | undefined>;
  side_data_list?: { side_data_type?: string; rotation?: number | string }[];
}

const ratio = (text: string | undefined): number | null => {
  const [num, den] = (text ?? '').split(/[/:]/).map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return null;
  if (den === undefined) return num;
  return Number.isFinite(den) && den > 0 ? num / den : null;
};

const seconds = (text: string | undefined): number | null => {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : null;
};

/** Display-matrix side data (newer files and ffprobe) or the legacy `rotate` tag. */
function rotationOf(stream: FfprobeStream): VideoStreamInfo['rotation'] {
  const fromMatrix = stream.side_data_list?.find((data) => data.rotation !== undefined)?.rotation;
  const degrees = Number(fromMatrix ?? stream.tags?.rotate ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  // The display matrix counts counter-clockwise, the tag clockwise; only the axis swap matters
  // to the planner, and ffmpeg's autorotate turns the picture itself.
  const quarter = (((Math.round(Math.abs(degrees) / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  return ([0, 90, 180, 270] as const)[quarter];
}

function videoInfo(stream: FfprobeStream): VideoStreamInfo | null {
  if (!stream.width || !stream.height) return null;
  const average = ratio(stream.avg_frame_rate);
  const base = ratio(stream.r_frame_rate);
  return {
    codec: stream.codec_name ?? 'unknown',
    width: stream.width,
    height: stream.height,
    pixelAspect: ratio(stream.sample_aspect_ratio) ?? 1,
    rotation: rotationOf(stream),
    frameRate: average ?? base,
    variableFrameRate: average !== null && base !== null && Math.abs(average - base) > 0.01,
  };
}

/** Reads ffprobe's JSON into a {@link ProbeResult}. Cover art in sound files is not a video. */
export function readProbe(json: FfprobeJson): ProbeResult {
  const streams = json.streams ?? [];
  const videoStream = streams.find(
    (stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1,
  );
  const video = videoStream ? videoInfo(videoStream) : null;
  const durations = [json.format?.duration, videoStream?.duration].map(seconds);
  return {
    formatName: json.format?.format_name ?? 'unknown',
    durationSeconds: durations.find((value) => value !== null) ?? null,
    video,
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
  };
}
