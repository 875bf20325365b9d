import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * DejaVu Sans (Bitstream Vera licence: free to embed), which covers Vietnamese in full. Found
 * through the installed package from the working directory, so the bundled apps find it too.
 */
function fontDir(): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The font files, read once per process. */
export interface CertificateFonts {
  regular: Buffer;
  bold: Buffer;
  /** For glyph coverage checks (both faces cover the same characters). */
  metrics: Font;
}

let loaded: CertificateFonts | undefined;

export function certificateFonts(): CertificateFonts {
  if (loaded) return loaded;
  const dir = fontDir();
  const regular = readFileSync(join(dir, 'DejaVuSans.ttf'));
  const bold = readFileSync(join(dir, 'DejaVuSans-Bold.ttf'));
  loaded = { regular, bold, metrics: create(regular) as Font };
  return loaded;
}
