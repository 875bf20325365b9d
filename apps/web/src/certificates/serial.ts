/**
 * Certificate serials as the server reads them (libs/certificates serial.ts): 13 symbols of
 * Crockford's base32 and one Luhn mod 32 check symbol; any case, spaces and hyphens anywhere,
 * O for 0, I or L for 1. Checked here so a typo is caught before anything is looked up.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = ALPHABET.length;
const BODY_LENGTH = 13;
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };

function checkSymbol(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i] ?? '');
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(BASE - (sum % BASE)) % BASE] ?? '';
}

/** The stored form of a typed serial, or null when it is malformed or its check fails. */
export function parseSerial(input: string): string | null {
  if (input.length > 64) return null;
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[OIL]/g, (c) => ALIASES[c] ?? c);
  if (symbols.length !== BODY_LENGTH + 1) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  return checkSymbol(symbols.slice(0, BODY_LENGTH)) === symbols[BODY_LENGTH] ? symbols : null;
}

/** Grouped for reading aloud: `XXXX-XXXX-XXXX-XX`. */
export function displaySerial(serial: string): string {
  const symbols = serial.replace(/-/g, '');
  return (symbols.match(/.{1,4}/g) ?? [symbols]).join('-');
}
