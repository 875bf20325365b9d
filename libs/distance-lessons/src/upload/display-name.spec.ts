import { displayName } from './video-uploads.service';

describe('displayName', () => {
  it('keeps only the last path segment of a hostile name, in NFC', () => {
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('C:\\Users\\An\\Bài giảng.mp4')).toBe('Bài giảng.mp4');
    expect(displayName('Ba\u0300i.mp4')).toBe('Bài.mp4');
  });

  it('drops control characters and gives null for nothing left', () => {
    expect(displayName('a\u0000b\nc.mp4')).toBe('abc.mp4');
    expect(displayName('../')).toBeNull();
    expect(displayName(null)).toBeNull();
  });
});
