import { CourseError } from '../course-error';
import { normalizeCourseCode, readCourseCode } from './course-code';

describe('course codes', () => {
  it('stores a code trimmed and upper case', () => {
    expect(readCourseCode('  tv-nn-01 ')).toBe('TV-NN-01');
    expect(readCourseCode('Kns.2026')).toBe('KNS.2026');
    expect(readCourseCode('A1')).toBe('A1');
    expect(readCourseCode('X'.repeat(32))).toBe('X'.repeat(32));
  });

  it('refuses what is not letters, digits, hyphens and dots of 2–32 characters', () => {
    for (const bad of [
      '',
      'A',
      'X'.repeat(33),
      '-TV01',
      '.TV01',
      'TV 01',
      'TV_01',
      'TV/01',
      'KỸ-NĂNG',
      'ı1',
      'TV\t01',
    ])
      expect([bad, readCourseCode(bad)]).toEqual([bad, null]);
  });

  it('answers a malformed code with VALIDATION_FAILED on the code field', () => {
    expect(normalizeCourseCode(' ab-1 ')).toBe('AB-1');
    let error: unknown;
    try {
      normalizeCourseCode('không mã');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CourseError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { code: [expect.stringContaining('2–32 characters')] } },
    });
  });
});
