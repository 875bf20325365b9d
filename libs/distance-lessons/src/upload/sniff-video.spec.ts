import { notVideoMessage, sniffVideo } from './sniff-video';

const bytes = (...parts: (number[] | string)[]): Buffer =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

describe('sniffVideo', () => {
  it('recognizes video containers', () => {
    expect(sniffVideo(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))).toEqual({
      verdict: 'video',
      container: 'MP4/QuickTime',
    });
    expect(sniffVideo(bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 0]))).toMatchObject({
      verdict: 'video',
    });
    expect(sniffVideo(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toMatchObject({
      container: 'Matroska/WebM',
    });
    expect(sniffVideo(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toMatchObject({ container: 'AVI' });
    const ts = Buffer.alloc(400);
    ts[0] = 0x47;
    ts[188] = 0x47;
    expect(sniffVideo(ts)).toMatchObject({ container: 'MPEG transport stream' });
  });

  it('refuses an empty file', () => {
    expect(sniffVideo(Buffer.alloc(0))).toEqual({
      verdict: 'not_video',
      looksLike: 'an empty file',
    });
  });

  it('sees a PNG, a JPEG, a PDF and an MP3 whatever their names say', () => {
    expect(sniffVideo(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({
      verdict: 'not_video',
      looksLike: 'a PNG image',
    });
    expect(sniffVideo(bytes([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      looksLike: 'a JPEG image',
    });
    expect(sniffVideo(bytes('%PDF-1.7'))).toMatchObject({ looksLike: 'a PDF document' });
    expect(sniffVideo(bytes('ID3', [4, 0, 0]))).toMatchObject({ looksLike: 'an MP3 sound file' });
    expect(sniffVideo(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toMatchObject({
      looksLike: 'a WAV sound file',
    });
  });

  it('sees text (subtitles, a web page) for what it is', () => {
    expect(sniffVideo(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào'))).toMatchObject({
      looksLike: 'a text file',
    });
  });

  it('refuses playlists and lists of other files, even with a control byte hidden in them', () => {
    const named: [string, RegExp][] = [
      ['#EXTM3U\n#\u0001\n#EXTINF:2,\nhttp://127.0.0.1:8080/seg.ts\n', /HLS playlist/],
      ['\ufeff#EXTM3U\n#\u0000\n', /HLS playlist/],
      ['ffconcat version 1.0\n#\u0002\nfile ../other/source\n', /list of files/],
      ['v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n\u0003', /session description/],
      ['<?xml version="1.0"?>\u0004<MPD>', /XML/],
    ];
    for (const [text, looksLike] of named) {
      const result = sniffVideo(Buffer.from(text, 'utf8'));
      expect(result).toMatchObject({ verdict: 'not_video' });
      expect(result.verdict === 'not_video' && result.looksLike).toMatch(looksLike);
    }
  });

  it('leaves unknown binary to ffprobe', () => {
    expect(
      sniffVideo(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09])),
    ).toEqual({ verdict: 'unknown' });
  });

  it('says what to do instead', () => {
    expect(notVideoMessage('a PNG image')).toMatch(
      /This file is a PNG image, not a video\. Upload a video file/,
    );
  });
});
