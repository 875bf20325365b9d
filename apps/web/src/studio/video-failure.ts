/**
 * The worker's reasons for a video that failed to process (English, from
 * libs/distance-lessons/src/transcode/failure-reasons.ts), each matched to the key of a
 * translated text under `video.failure` in the studio's catalogs.
 */
const FAILURES: [RegExp, VideoFailure][] = [
  [/^The file is cut short/, 'cutShort'],
  [/^This file is not a video/, 'notContainer'],
  [/^The file is damaged/, 'unreadable'],
  [/^The video uses a format we cannot decode/, 'noDecoder'],
  [/^Processing took longer than/, 'timeout'],
  [/^Processing failed several times/, 'gaveUp'],
];

export type VideoFailure =
  'cutShort' | 'notContainer' | 'unreadable' | 'noDecoder' | 'timeout' | 'gaveUp' | 'other';

/** Which translated text tells `reason` (the api's `error`); `other` for one not known here. */
export const videoFailure = (reason: string | null): VideoFailure =>
  FAILURES.find(([pattern]) => pattern.test(reason ?? ''))?.[1] ?? 'other';
