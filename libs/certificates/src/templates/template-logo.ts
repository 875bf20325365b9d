import { runWorkerScript } from '@lifelong/common';

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
