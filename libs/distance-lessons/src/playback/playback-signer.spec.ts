import { PlaybackSigner, signedMediaBase } from './playback-signer';

const VIDEO = '0190f3a4-7b1c-7def-8123-456789abcdef';
const signer = new PlaybackSigner('test-secret-test-secret-test-secret-0123456789');
const expires = 1_800_000_000;
const signature = signer.sign(VIDEO, expires);

describe('PlaybackSigner', () => {
  it('accepts its own token until it expires, then calls it expired', () => {
    expect(signer.check(VIDEO, String(expires), signature, (expires - 1) * 1000)).toBe('valid');
    expect(signer.check(VIDEO, String(expires), signature, expires * 1000)).toBe('expired');
  });

  it('refuses a token for another video, a moved expiry or a changed signature', () => {
    const now = (expires - 60) * 1000;
    expect(signer.check(VIDEO.replace('f', 'e'), String(expires), signature, now)).toBe('invalid');
    expect(signer.check(VIDEO, String(expires + 3600), signature, now)).toBe('invalid');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    expect(signer.check(VIDEO, String(expires), flipped, now)).toBe('invalid');
    expect(signer.check(VIDEO, 'soon', signature, now)).toBe('invalid');
    expect(signer.check(VIDEO, String(expires), 'short', now)).toBe('invalid');
  });

  it('signs with a key of its own: another secret gives another signature', () => {
    expect(
      new PlaybackSigner('another-secret-another-secret-0123456789').sign(VIDEO, expires),
    ).not.toBe(signature);
  });

  it('keeps purposes apart: a playback token never opens another kind of file', () => {
    const evidence = new PlaybackSigner(
      'test-secret-test-secret-test-secret-0123456789',
      'inspection-evidence-url/v1',
    );
    expect(evidence.check(VIDEO, String(expires), signature, (expires - 1) * 1000)).toBe('invalid');
  });

  it('puts the token in the path, so relative playlist URIs carry it', () => {
    expect(signedMediaBase(VIDEO, expires, signature)).toBe(
      `/media/v/${VIDEO}/${expires}/${signature}`,
    );
  });
});
