import { randomInt } from 'node:crypto';

/**
 * Certificate serials: 13 random symbols of Crockford's base32 (65 bits; no I, L, O or U, so
 * nothing reads like another symbol), then one Luhn mod 32 check symbol, which catches every
 * single mistyped symbol and most swaps of neighbours before anything is looked up.
 * Stored as 14 symbols; shown and read aloud in groups: `7KQ4-M2XD-9FHT-B3`.
 */
export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = SERIAL_ALPHABET.length;
const RANDOM_SYMBOLS = 13;
export const SERIAL_LENGTH = RANDOM_SYMBOLS + 1;

/** Crockford's reading rules: the look-alikes people type are taken for what they meant. */
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** The Luhn mod N check symbol of `body` (symbols of the alphabet). */
export function checkSymbol(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * SERIAL_ALPHABET.indexOf(body[i]!);
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return SERIAL_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

/** A new serial (14 symbols, no separators). */
export function newSerial(): string {
  let body = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += SERIAL_ALPHABET[randomInt(BASE)];
  return body + checkSymbol(body);
}

/**
 * The stored form of what someone typed (any case, spaces and hyphens anywhere, O for 0, I or
 * L for 1), or null when it is not a well-formed serial or its check symbol does not match.
 */
export function parseSerial(input: string): string | null {
  if (input.length > 64) return null;
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[OIL]/g, (c) => ALIASES[c]!);
  if (symbols.length !== SERIAL_LENGTH) return null;
  for (const symbol of symbols) if (!SERIAL_ALPHABET.includes(symbol)) return null;
  const body = symbols.slice(0, RANDOM_SYMBOLS);
  return checkSymbol(body) === symbols[RANDOM_SYMBOLS] ? symbols : null;
}

/** Grouped for reading aloud: `XXXX-XXXX-XXXX-XX`. */
export function displaySerial(serial: string): string {
  return serial.match(/.{1,4}/g)!.join('-');
}
