/** The largest logo a template may carry. */
export const LOGO_MAX_BYTES = 256 * 1024;

/** What the first bytes say a logo is: PNG or JPEG, the two images a PDF embeds as they are. */
export function sniffLogo(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  return null;
}
