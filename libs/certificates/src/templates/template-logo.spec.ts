import { jpegDeclaring, pngDeclaring } from '../../test/logo-images';
import { LOGO_MAX_SIDE, readLogo } from './template-logo';

describe('readLogo', () => {
  it('reads the type and pixel size of a PNG or a JPEG from its header alone', () => {
    expect(readLogo(pngDeclaring(300, 120))).toEqual({
      type: 'image/png',
      width: 300,
      height: 120,
    });
    expect(readLogo(jpegDeclaring(640, 480))).toEqual({
      type: 'image/jpeg',
      width: 640,
      height: 480,
    });
  });

  it('reads the declared size of an image far too large to decode, without decoding it', () => {
    expect(readLogo(pngDeclaring(30_000, 30_000, 6))).toMatchObject({
      width: 30_000,
      height: 30_000,
    });
    expect(readLogo(jpegDeclaring(30_000, 30_000))).toMatchObject({ width: 30_000 });
    expect(LOGO_MAX_SIDE).toBeLessThan(30_000);
  });

  it('answers null for anything else, a cut-off header or an empty image', () => {
    expect(readLogo(Buffer.from('GIF89a fake'))).toBeNull();
    expect(readLogo(pngDeclaring(300, 120).subarray(0, 20))).toBeNull();
    expect(readLogo(pngDeclaring(0, 120))).toBeNull();
    expect(readLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
    expect(readLogo(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeNull();
  });
});
