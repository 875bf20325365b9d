import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signs a package's content path: `<expires>/<signature>` covers every file of one package
 * until `expires` (Unix seconds), so the relative URLs inside the content inherit it. The key is
 * derived from JWT_SECRET for this purpose only (HKDF), so it passes for nothing else.
 */
export class ContentSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'lifelong', 'cmi5-content-url/v1', 32));
  }

  sign(packageId: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${packageId}/${expires}`).digest('base64url');
  }

  /** True only for an untampered signature whose expiry is still ahead of `nowMs`. */
  valid(packageId: string, expires: string, signature: string, nowMs: number): boolean {
    if (!/^\d{1,12}$/.test(expires) || !SIGNATURE.test(signature)) return false;
    const expected = Buffer.from(this.sign(packageId, Number(expires)));
    return timingSafeEqual(expected, Buffer.from(signature)) && Number(expires) * 1000 > nowMs;
  }
}

/** `/cmi5-content/<packageId>/<expires>/<signature>`: every file of the package lies under it. */
export const contentBase = (packageId: string, expires: number, signature: string): string =>
  `/cmi5-content/${packageId}/${expires}/${signature}`;
