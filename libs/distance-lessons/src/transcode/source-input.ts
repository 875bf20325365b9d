/**
 * Demuxers ffprobe and ffmpeg may open an uploaded source with: containers and raw streams that
 * hold their media inside the file. Formats that name other files or addresses (HLS and DASH
 * playlists, concat lists, SDP, image sequences…) are not among them, so a source can never make
 * the worker read another file on its disk or fetch an internal URL.
 */
export const SOURCE_DEMUXERS = [
  'mov', // MP4, MOV, M4V, 3GP
  'matroska', // MKV, WebM
  'avi',
  'mpegts',
  'mpeg', // program streams, VOB
  'mpegvideo',
  'flv',
  'asf', // WMV
  'ogg',
  'mxf',
  'dv',
  'nut',
  'rm',
  'wtv',
  'ivf',
  'h264',
  'hevc',
  'm4v',
] as const;

/** Input options for every ffprobe and ffmpeg run on a source: its own bytes and nothing else. */
export const sourceInputArgs = (): string[] => [
  ...['-protocol_whitelist', 'file'],
  ...['-format_whitelist', SOURCE_DEMUXERS.join(',')],
];
