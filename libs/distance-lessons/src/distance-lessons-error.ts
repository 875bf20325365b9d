import { DomainError, type ErrorKind } from '@lifelong/common';

/** Why the distance-lessons domain refused a request; each code has one fixed {@link ErrorKind}. */
export type VideoErrorCode =
  | 'VALIDATION_FAILED'
  | 'FORBIDDEN'
  | 'LESSON_NOT_FOUND'
  | 'VIDEO_NOT_FOUND'
  | 'UPLOAD_NOT_FOUND'
  | 'LESSON_NOT_VIDEO'
  | 'NOT_A_VIDEO'
  | 'VIDEO_TOO_LARGE'
  | 'VIDEO_NOT_READY'
  | 'NOT_WEBVTT'
  | 'PLAYBACK_LINK_EXPIRED'
  | 'PLAYBACK_LINK_INVALID';

const KIND_BY_CODE: Record<VideoErrorCode, ErrorKind> = {
  VALIDATION_FAILED: 'invalid',
  FORBIDDEN: 'forbidden',
  LESSON_NOT_FOUND: 'not_found',
  VIDEO_NOT_FOUND: 'not_found',
  UPLOAD_NOT_FOUND: 'not_found',
  LESSON_NOT_VIDEO: 'rule',
  NOT_A_VIDEO: 'unsupported',
  VIDEO_TOO_LARGE: 'too_large',
  VIDEO_NOT_READY: 'conflict',
  NOT_WEBVTT: 'unsupported',
  PLAYBACK_LINK_EXPIRED: 'forbidden',
  PLAYBACK_LINK_INVALID: 'forbidden',
};

/** A refusal from the distance-lessons domain; the global filter maps its kind to HTTP. */
export class VideoError extends DomainError<VideoErrorCode> {
  constructor(code: VideoErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, KIND_BY_CODE[code], details);
  }

  static invalid(fields: Record<string, string[]>): VideoError {
    return new VideoError('VALIDATION_FAILED', 'The request has invalid fields', { fields });
  }

  static lessonNotFound(lessonId: string): VideoError {
    return new VideoError('LESSON_NOT_FOUND', `There is no lesson ${lessonId}`, { lessonId });
  }

  static videoNotFound(videoId: string): VideoError {
    return new VideoError('VIDEO_NOT_FOUND', `There is no video ${videoId}`, { videoId });
  }

  static tooLarge(maxBytes: number): VideoError {
    return new VideoError(
      'VIDEO_TOO_LARGE',
      `The video is larger than the ${formatBytes(maxBytes)} allowed; shorten or compress it`,
      { maxBytes },
    );
  }
}

function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number(gib.toFixed(1))} GiB`;
  const mib = bytes / 1024 ** 2;
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${bytes} bytes`;
}
