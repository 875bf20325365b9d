import {
  checkSymbol,
  displaySerial,
  newSerial,
  parseSerial,
  SERIAL_ALPHABET,
  SERIAL_LENGTH,
} from './serial';

describe('certificate serials', () => {
  const serials = Array.from({ length: 50 }, () => newSerial());

  it('are 14 symbols without look-alikes, with at least 60 random bits, and parse back', () => {
    expect(Math.log2(SERIAL_ALPHABET.length) * (SERIAL_LENGTH - 1)).toBeGreaterThanOrEqual(60);
    expect(SERIAL_ALPHABET).not.toMatch(/[ILOU]/);
    for (const serial of serials) {
      expect(serial).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
      expect(parseSerial(serial)).toBe(serial);
    }
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('accept lower case, spaces, hyphens and Crockford look-alikes', () => {
    const serial = '7KQ4M2XD9FHT1' + checkSymbol('7KQ4M2XD9FHT1');
    const shown = displaySerial(serial);
    expect(shown).toMatch(/^7KQ4-M2XD-9FHT-1.$/);
    expect(parseSerial(shown.toLowerCase())).toBe(serial);
    expect(parseSerial(` ${shown.replace(/-/g, ' ')} `)).toBe(serial);
    expect(parseSerial(shown.replace('1', 'l'))).toBe(serial);
  });

  it('catch every single mistyped symbol', () => {
    for (const serial of serials.slice(0, 10))
      for (let at = 0; at < serial.length; at++)
        for (const other of SERIAL_ALPHABET) {
          if (other === serial[at]) continue;
          const typo = serial.slice(0, at) + other + serial.slice(at + 1);
          expect([typo, parseSerial(typo)]).toEqual([typo, null]);
        }
  });

  it('refuse the wrong length, foreign symbols and very long input', () => {
    const serial = serials[0]!;
    expect(parseSerial(serial.slice(1))).toBeNull();
    expect(parseSerial(`${serial}0`)).toBeNull();
    expect(parseSerial(`${serial.slice(0, 13)}U`)).toBeNull();
    expect(parseSerial(`${serial.slice(0, 5)}#${serial.slice(6)}`)).toBeNull();
    expect(parseSerial('')).toBeNull();
    expect(parseSerial(' '.repeat(100))).toBeNull();
  });
});
