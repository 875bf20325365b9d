import { subtitlePlaylist, withSubtitles } from './hls-playlists';

const MASTER = [
  '#EXTM3U',
  '#EXT-X-VERSION:6',
  '#EXT-X-STREAM-INF:BANDWIDTH=545600,RESOLUTION=426x240,CODECS="avc1.42c015,mp4a.40.2"',
  '240p/index.m3u8',
  '',
  '#EXT-X-STREAM-INF:BANDWIDTH=985600,RESOLUTION=640x360,CODECS="avc1.42c01e,mp4a.40.2"',
  '360p/index.m3u8',
  '',
].join('\n');

describe('withSubtitles', () => {
  it('leaves the master playlist alone without subtitles', () => {
    expect(withSubtitles(MASTER, [])).toBe(MASTER);
  });

  it('lists each track once, Vietnamese first and default, and names the group on every variant', () => {
    const lines = withSubtitles(MASTER, ['en', 'vi']).split('\n');
    const media = lines.filter((line) => line.startsWith('#EXT-X-MEDIA:'));
    expect(media).toEqual([
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Tiếng Việt",LANGUAGE="vi",DEFAULT=YES,AUTOSELECT=YES,URI="subs/vi.m3u8"',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs/en.m3u8"',
    ]);
    expect(lines.indexOf(media[0]!)).toBeLessThan(
      lines.findIndex((l) => l.startsWith('#EXT-X-STREAM-INF')),
    );
    const variants = lines.filter((line) => line.startsWith('#EXT-X-STREAM-INF:'));
    expect(variants).toHaveLength(2);
    for (const variant of variants) expect(variant.endsWith(',SUBTITLES="subs"')).toBe(true);
  });
});

describe('subtitlePlaylist', () => {
  it('is one VOD segment spanning the video', () => {
    expect(subtitlePlaylist('vi', 10.2)).toBe(
      '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:11\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:11.000,\nvi.vtt\n#EXT-X-ENDLIST\n',
    );
  });
});
