import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a signed media path says about itself. */
export type TokenCheck = 'valid' | 'expired' | 'invalid';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signs media paths: a token `<expires>/<signature>` that covers every file of one video until
 * `expires` (Unix seconds), so the relative URIs inside the playlists inherit it. The key is
 * derived from JWT_SECRET for one purpose (HKDF), so a media token can never pass for anything
 * else; another kind of stored file (inspection evidence) names its own `purpose`, and a token
 * for one never opens the other.
 */
export class PlaybackSigner {
  private readonly key: Buffer;

  constructor(secret: string, purpose = 'media-playback-url/v1') {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'lifelong', purpose, 32));
  }

  /** The signature of `videoId` (or another stored file's id) until `expires`. */
  sign(videoId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${videoId}/${expires}`).digest('base64url');
  }

  /** `valid` only for an untampered token whose expiry is still ahead of `nowMs`. */
  check(videoId: string, expires: string, signature: string, nowMs: number): TokenCheck {
    if (!/^\d{1,12}$/.test(expires) || !TOKEN.test(signature)) return 'invalid';
    const expected = Buffer.from(this.sign(videoId, Number(expires)));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return 'invalid';
    return Number(expires) * 1000 > nowMs ? 'valid' : 'expired';
  }
}

/** `/media/v/<videoId>/<expires>/<signature>`: every file of the video lies under it. */
export const signedMediaBase = (videoId: string, expires: number, signature: string): string =>
  `/media/v/${videoId}/${expires}/${signature}`;
