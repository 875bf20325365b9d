/** A video's life: transcoding, playable, or refused with a reason. */
export const VIDEO_STATUSES = ['processing', 'ready', 'failed'] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

/** One HLS variant of a ready video, as the api shows it. */
export interface RenditionSummary {
  name: string;
  width: number;
  height: number;
  /** Peak bits per second. */
  bandwidth: number;
}

/** Subtitle languages (domain.md: Vietnamese first, English second). */
export const SUBTITLE_LANGUAGES = ['vi', 'en'] as const;
export type SubtitleLanguage = (typeof SUBTITLE_LANGUAGES)[number];
