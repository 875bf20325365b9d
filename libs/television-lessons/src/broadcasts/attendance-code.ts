import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read off a television screen:
 * no 0/O/Q/D, 1/I/L/J, 2/Z, 5/S, 8/B, 6/G, U/V.
 */
export const CODE_ALPHABET = 'ACEFHKMNPRTWXY3479';
export const CODE_LENGTH = 6;

/** A fresh attendance code (18^6 ≈ 34 million codes; guesses are rate limited). */
export function newAttendanceCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a learner typed, as a code: case, spaces and dashes do not matter. */
export function normalizeCode(entered: string): string {
  return entered.toUpperCase().replace(/[\s-]/g, '');
}
