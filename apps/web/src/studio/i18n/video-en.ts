import type { studioVideoVi } from './video-vi';

/** The video lesson's texts in English (the studio namespace's `video` part). */
export const studioVideoEn: Catalog<typeof studioVideoVi> = {
  heading: "The lesson's video",
  none: 'This lesson has no video yet. Upload one.',
  file: 'Video file',
  fileHint:
    'MP4, MOV, MKV or WebM. If the connection drops or the page is reloaded, the upload continues where it stopped.',
  replaceHint: 'Uploading another video replaces the current one.',
  upload: 'Upload',
  pause: 'Pause',
  resume: 'Resume',
  progressLabel: 'Upload progress',
  progress: '{{done}} of {{total}} uploaded ({{percent}})',
  speed: '{{speed}}/s',
  uploading: 'Uploading “{{name}}”.',
  paused: 'Paused. Choose “Resume” to continue where it stopped.',
  retrying: 'The connection was lost. The upload continues by itself when it is back.',
  offline: 'There is no connection. Choose “Resume” once it is back.',
  interrupted:
    'The upload of “{{name}}” ({{size}}) was interrupted. Choose the same file again: the upload continues where it stopped.',
  resumedFrom: 'Continuing from the {{percent}} uploaded earlier.',
  uploaded: 'Upload finished.',
  refused: 'The upload was refused: {{reason}}',
  statusHeading: 'Processing',
  processing: 'Processing: {{percent}}',
  processingLabel: 'Video processing progress',
  ready: 'The video is ready for learners.',
  duration: 'Length: {{minutes}} min {{seconds}} s',
  failed: 'This video could not be processed.',
  renditions: 'Sizes made',
  rendition: '{{height}}p · {{rate}}',
  failure: {
    cutShort:
      'The file is cut short (the recording or the upload was interrupted). Upload it again.',
    notContainer:
      'This file is not a video: it names other files or addresses (a playlist). Upload the video file itself (MP4, MOV, MKV, WebM…).',
    unreadable:
      'The file is damaged or is not a video we can read. Export it again as MP4 (H.264) and upload it.',
    noDecoder:
      'The video uses a format we cannot decode. Export it again as MP4 (H.264) and upload it.',
    timeout:
      'Processing took too long and was stopped. Upload a shorter or smaller video, or ask an administrator to raise the limit.',
    gaveUp:
      'Processing failed several times on our side. Upload the video again; if it keeps failing, contact support.',
    other:
      'Something went wrong while processing the video. Upload it again; if it keeps failing, contact support.',
  },
  errors: {
    NOT_A_VIDEO:
      'This file is not a video (perhaps a text file or a picture renamed). Choose an MP4, MOV, MKV or WebM video.',
    VIDEO_TOO_LARGE: 'The video is larger than allowed. Shorten or compress it, then upload it.',
    NOT_WEBVTT: 'This file is not a WebVTT subtitle file (.vtt). Export the subtitles as WebVTT.',
    UPLOAD_NOT_FOUND: 'The earlier upload is gone. Upload the file again from the start.',
    LESSON_NOT_VIDEO: 'This lesson takes no video.',
  },
  subtitles: {
    heading: 'Subtitles',
    hint: 'A WebVTT file (.vtt) per language; uploading again replaces that language’s subtitles.',
    language: 'Subtitle language',
    file: 'Subtitle file (.vtt)',
    upload: 'Upload subtitles',
    uploaded: 'The {{language}} subtitles are uploaded.',
    languages: { vi: 'Vietnamese', en: 'English' },
  },
  preview: {
    heading: 'Preview',
    hint: 'The video as learners will see it.',
    play: 'Play the preview',
    label: 'Preview video: {{title}}',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
