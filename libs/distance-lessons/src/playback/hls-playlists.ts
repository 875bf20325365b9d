import type { SubtitleLanguage } from '../videos/video-status';

/** The subtitle group every variant refers to. */
const GROUP = 'subs';
const NAMES: Record<SubtitleLanguage, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Where a subtitle track's media playlist and file are, relative to the master playlist. */
export const subtitlePlaylistPath = (language: SubtitleLanguage): string => `subs/${language}.m3u8`;

/**
 * The master playlist as ffmpeg wrote it, with the video's subtitle tracks added: one
 * `#EXT-X-MEDIA:TYPE=SUBTITLES` per language (Vietnamese the default) and the group named on
 * every variant. Without subtitles the playlist is returned unchanged.
 */
export function withSubtitles(master: string, languages: readonly SubtitleLanguage[]): string {
  if (languages.length === 0) return master;
  const ordered = [...languages].sort((a, b) => (a === 'vi' ? -1 : b === 'vi' ? 1 : 0));
  const media = ordered.map(
    (language, i) =>
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${GROUP}",NAME="${NAMES[language]}",LANGUAGE="${language}",` +
      `DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,URI="${subtitlePlaylistPath(language)}"`,
  );
  const lines = master.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith('#EXT-X-STREAM-INF:')) {
      if (media.length > 0) out.push(...media.splice(0));
      out.push(line.includes('SUBTITLES=') ? line : `${line},SUBTITLES="${GROUP}"`);
    } else out.push(line);
  }
  return out.join('\n');
}

/** A one-segment VOD media playlist for a whole WebVTT file. */
export function subtitlePlaylist(language: SubtitleLanguage, durationSeconds: number): string {
  const duration = Math.max(1, Math.ceil(durationSeconds));
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${duration}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration}.000,`,
    `${language}.vtt`,
    '#EXT-X-ENDLIST',
    '',
  ].join('\n');
}
