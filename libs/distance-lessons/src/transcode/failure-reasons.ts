/** ffmpeg's and ffprobe's words for a source that ends before it should. */
const CUT_SHORT = [
  /moov atom not found/i,
  /partial file/i,
  /truncat/i,
  /end of file/i,
  /Invalid NAL unit size/i,
  /error reading header/i,
];
const UNREADABLE = [
  /Invalid data found when processing input/i,
  /could not find codec parameters/i,
];
/** The source is not a container of its own (a playlist, a list of files): see source-input.ts. */
const NOT_A_CONTAINER = /not on whitelist/i;
const NO_DECODER = /(?:Decoder|decoder) \(?(?:codec )?([\w-]+)\)? not found|unsupported codec/i;

export const CUT_SHORT_REASON =
  'The file is cut short (the recording or the upload was interrupted). Upload it again.';
export const NOT_A_CONTAINER_REASON =
  'This file is not a video: it names other files or addresses (a playlist or a list of files). Upload the video file itself (MP4, MOV, MKV, WebM…).';
export const UNREADABLE_REASON =
  'The file is damaged or is not a video we can read. Export it again as MP4 (H.264) and upload it.';

/**
 * A reason a person can act on, when ffprobe's or ffmpeg's complaint means the source itself is
 * bad (retrying will not help); null when the failure may be passing (disk, memory, a kill).
 */
export function sourceProblem(stderr: string): string | null {
  if (NOT_A_CONTAINER.test(stderr)) return NOT_A_CONTAINER_REASON;
  if (CUT_SHORT.some((pattern) => pattern.test(stderr))) return CUT_SHORT_REASON;
  const decoder = NO_DECODER.exec(stderr);
  if (decoder)
    return `The video uses a format we cannot decode${decoder[1] ? ` (${decoder[1]})` : ''}. Export it again as MP4 (H.264) and upload it.`;
  if (UNREADABLE.some((pattern) => pattern.test(stderr))) return UNREADABLE_REASON;
  return null;
}

/** The reason for a transcode stopped by TRANSCODE_TIMEOUT_SECONDS. */
export const timeoutReason = (seconds: number): string =>
  `Processing took longer than ${Math.round(seconds / 60)} minutes and was stopped. Upload a shorter or smaller video, or ask an administrator to raise the limit.`;

/** The reason once every retry of a passing failure is spent. */
export const GAVE_UP_REASON =
  'Processing failed several times on our side. Upload the video again; if it keeps failing, contact support.';
