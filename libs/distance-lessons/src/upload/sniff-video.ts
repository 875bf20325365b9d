/** Bytes to read before deciding what a file is. */
export const SNIFF_BYTES = 512;

/**
 * What the first bytes of an upload say: a video container we know, something that is
 * certainly not a video (with what it looks like), or nothing conclusive (ffprobe decides).
 */
export type SniffResult =
  | { verdict: 'video'; container: string }
  | { verdict: 'not_video'; looksLike: string }
  | { verdict: 'unknown' };

type Signature = [name: string, test: (head: Buffer) => boolean];

const at = (head: Buffer, offset: number, bytes: number[] | string): boolean => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= offset + expected.length && head.subarray(offset).indexOf(expected) === 0;
};

const QUICKTIME_ATOMS = ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot'];

const isTransportStream = (head: Buffer, packet: number, offset: number): boolean =>
  head.length >= offset + packet + 1 && head[offset] === 0x47 && head[offset + packet] === 0x47;

const VIDEO_SIGNATURES: Signature[] = [
  ['MP4/QuickTime', (h) => QUICKTIME_ATOMS.some((atom) => at(h, 4, atom))],
  ['Matroska/WebM', (h) => at(h, 0, [0x1a, 0x45, 0xdf, 0xa3])],
  ['AVI', (h) => at(h, 0, 'RIFF') && at(h, 8, 'AVI ')],
  ['MPEG transport stream', (h) => isTransportStream(h, 188, 0)],
  ['MPEG transport stream (M2TS)', (h) => isTransportStream(h, 192, 4)],
  ['MPEG program stream', (h) => at(h, 0, [0x00, 0x00, 0x01, 0xba])],
  ['MPEG video', (h) => at(h, 0, [0x00, 0x00, 0x01, 0xb3])],
  ['FLV', (h) => at(h, 0, 'FLV')],
  ['ASF/WMV', (h) => at(h, 0, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])],
  ['Ogg', (h) => at(h, 0, 'OggS')],
];

/** The start of a text file, past a UTF-8 byte order mark. */
const textStart = (head: Buffer): string =>
  head
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '');

/**
 * Files that only name other files or addresses (which ffmpeg would then read, from disk or the
 * network). A control byte can hide them from the text check below, so they are named here.
 */
const REFERENCE_SIGNATURES: Signature[] = [
  ['an HLS playlist (it names other files)', (h) => textStart(h).startsWith('#EXTM3U')],
  ['a list of files for ffmpeg', (h) => textStart(h).startsWith('ffconcat')],
  ['a session description (SDP) for a stream', (h) => /^v=0\r?\n/.test(textStart(h))],
  [
    'an XML document (a DASH manifest or a web page)',
    (h) => /^\s*<(?:\?xml|!DOCTYPE|MPD|html|smil)/i.test(textStart(h)),
  ],
];

const OTHER_SIGNATURES: Signature[] = [
  ...REFERENCE_SIGNATURES,
  ['a PNG image', (h) => at(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['a JPEG image', (h) => at(h, 0, [0xff, 0xd8, 0xff])],
  ['a GIF image', (h) => at(h, 0, 'GIF8')],
  ['a WebP image', (h) => at(h, 0, 'RIFF') && at(h, 8, 'WEBP')],
  ['a WAV sound file', (h) => at(h, 0, 'RIFF') && at(h, 8, 'WAVE')],
  ['a PDF document', (h) => at(h, 0, '%PDF')],
  ['a ZIP archive or Office document', (h) => at(h, 0, [0x50, 0x4b, 0x03, 0x04])],
  ['an MP3 sound file', (h) => at(h, 0, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0)],
  ['a FLAC sound file', (h) => at(h, 0, 'fLaC')],
  ['a RAR archive', (h) => at(h, 0, 'Rar!')],
  ['a 7-Zip archive', (h) => at(h, 0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['a gzip archive', (h) => at(h, 0, [0x1f, 0x8b])],
  ['a Windows program', (h) => at(h, 0, 'MZ')],
  ['a Linux program', (h) => at(h, 0, [0x7f, 0x45, 0x4c, 0x46])],
];

/** Text (subtitles, a web page, a CSV) has no control bytes besides tab and line breaks. */
function looksLikeText(head: Buffer): boolean {
  if (head.length < 16) return false;
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) return false;
  return true;
}

/**
 * Decides from the first bytes of a file (at least {@link SNIFF_BYTES} when the file is that
 * long) whether it can be a video. Pure: the upload paths call it before storing anything.
 */
export function sniffVideo(head: Buffer): SniffResult {
  if (head.length === 0) return { verdict: 'not_video', looksLike: 'an empty file' };
  for (const [container, test] of VIDEO_SIGNATURES)
    if (test(head)) return { verdict: 'video', container };
  for (const [looksLike, test] of OTHER_SIGNATURES)
    if (test(head)) return { verdict: 'not_video', looksLike };
  if (looksLikeText(head)) return { verdict: 'not_video', looksLike: 'a text file' };
  return { verdict: 'unknown' };
}

/** The 415 message for a file that is not a video. */
export const notVideoMessage = (looksLike: string): string =>
  `This file is ${looksLike}, not a video. Upload a video file (MP4, MOV, MKV, WebM, AVI…).`;
