import { assertKey, contentTypeOf, sourceKey, subtitleKey } from './media-keys';

describe('media keys', () => {
  it('keeps every file of a video under its own folder, never a user-given name', () => {
    expect(sourceKey('0190F3A4-7B1C-7DEF-8123-456789ABCDEF')).toBe(
      'videos/0190f3a4-7b1c-7def-8123-456789abcdef/source',
    );
    expect(subtitleKey('abc', 'vi')).toBe('videos/abc/subtitles/vi.vtt');
  });

  it('refuses keys that climb out, are absolute, or carry other characters', () => {
    for (const key of [
      '../etc/passwd',
      'videos/../../x',
      '/abs',
      'videos/a/.hidden',
      'videos/bài học.mp4',
      'a//b',
      '',
    ])
      expect(() => assertKey(key)).toThrow(/Not a media storage key/);
  });

  it('names the content type of each published file', () => {
    expect(contentTypeOf('master.m3u8')).toBe('application/vnd.apple.mpegurl');
    expect(contentTypeOf('240p/seg_00001.ts')).toBe('video/mp2t');
    expect(contentTypeOf('poster.jpg')).toBe('image/jpeg');
    expect(contentTypeOf('subtitles/vi.vtt')).toBe('text/vtt; charset=utf-8');
    expect(contentTypeOf('source')).toBe('application/octet-stream');
  });
});
