import { studioEn } from '../src/studio/i18n/en';
import { videoFailure } from '../src/studio/video-failure';

// The worker's reasons, as libs/distance-lessons/src/transcode/failure-reasons.ts words them.
const REASONS = {
  cutShort: 'The file is cut short (the recording or the upload was interrupted). Upload it again.',
  notContainer:
    'This file is not a video: it names other files or addresses (a playlist or a list of files). Upload the video file itself (MP4, MOV, MKV, WebM…).',
  unreadable:
    'The file is damaged or is not a video we can read. Export it again as MP4 (H.264) and upload it.',
  noDecoder:
    'The video uses a format we cannot decode (prores). Export it again as MP4 (H.264) and upload it.',
  timeout:
    'Processing took longer than 60 minutes and was stopped. Upload a shorter or smaller video, or ask an administrator to raise the limit.',
  gaveUp:
    'Processing failed several times on our side. Upload the video again; if it keeps failing, contact support.',
} as const;

describe("a failed video's reason in the studio", () => {
  it.each(Object.entries(REASONS))('tells “%s” with its own translated text', (key, reason) => {
    expect(videoFailure(reason)).toBe(key);
    expect(studioEn.video.failure[videoFailure(reason)]).not.toBe(studioEn.video.failure.other);
  });

  it('falls back to a general text for a reason it does not know', () => {
    expect(videoFailure('disk quota exceeded')).toBe('other');
    expect(videoFailure(null)).toBe('other');
  });
});
