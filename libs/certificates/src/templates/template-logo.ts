import { runWorkerScript } from '@lifelong/common';

/** The largest logo a template may carry. */
export const LOGO_MAX_BYTES = 256 * 1024;
/**
 * The most pixels a logo may have on either side. It is printed about 90 points wide (some 400
 * pixels at 300 dpi); a few kilobytes can declare billions of pixels, which drawing would
 * decompress into memory on the request thread, so the header is read first.
 */
export const LOGO_MAX_SIDE = 2048;

/** A logo's type and size, read from its header without decoding it. */
export interface LogoImage {
  type: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: the IHDR chunk comes first and holds the width and height. */
function readPng(bytes: Buffer): LogoImage | null {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return sized('image/png', bytes.readUInt32BE(16), bytes.readUInt32BE(20));
}

/** Start-of-frame markers (SOF0–SOF15 but DHT, JPG and DAC), which carry the frame size. */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walks the segments from SOI to the first start-of-frame, before any scan. */
function readJpeg(bytes: Buffer): LogoImage | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame size
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return null;
      return sized('image/jpeg', bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5));
    }
    at += 2 + length;
  }
  return null;
}

const sized = (type: LogoImage['type'], width: number, height: number): LogoImage | null =>
  width > 0 && height > 0 ? { type, width, height } : null;

/**
 * What the first bytes say a logo is (PNG or JPEG, the two images a PDF embeds as they are) and
 * its pixel size; null for anything else or a header that is cut off.
 */
export function readLogo(bytes: Buffer): LogoImage | null {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return readPng(bytes);
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return readJpeg(bytes);
  return null;
}

/** How long reading a logo may take; a real logo takes about a second on a busy machine. */
export const LOGO_PROBE_TIMEOUT_MS = 10_000;

// The certificate's logo call (render-certificate.ts) on a bare page, in plain JavaScript.
const PROBE_SCRIPT = `
const PDFDocument = load('pdfkit');
return await new Promise((resolve, reject) => {
  const doc = new PDFDocument({ size: [100, 100] });
  doc.on('data', () => undefined);
  doc.on('end', () => resolve(true));
  doc.on('error', reject);
  doc.image(Buffer.from(data), 0, 0, { fit: [90, 90] });
  doc.end();
});
`;

/**
 * True when the PDF library reads the logo, so issuing never fails on it. Reading a PNG with
 * transparency walks every pixel in JavaScript (hundreds of milliseconds for an ordinary logo),
 * so it runs in a worker thread, bounded in time and memory, never on the request's thread.
 */
export async function logoPrints(bytes: Buffer): Promise<boolean> {
  try {
    return (
      (await runWorkerScript<boolean>(PROBE_SCRIPT, bytes, {
        timeoutMs: LOGO_PROBE_TIMEOUT_MS,
        maxMemoryMb: 128,
      })) === true
    );
  } catch {
    return false;
  }
}
