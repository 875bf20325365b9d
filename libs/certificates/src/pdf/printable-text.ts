import type { Font } from 'fontkit';

/**
 * Text as the certificate font can draw it: composed (NFC, so a name stored decomposed prints
 * and extracts the same), control characters gone, and every character the font has no glyph
 * for (emoji, rare scripts) dropped rather than printed as a box or crashing the renderer.
 */
export function printableText(text: string, font: Pick<Font, 'hasGlyphForCodePoint'>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (/\s/u.test(char)) out += ' ';
    else if (/\p{Cc}|\p{Cf}/u.test(char)) continue;
    else if (font.hasGlyphForCodePoint(code)) out += char;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
