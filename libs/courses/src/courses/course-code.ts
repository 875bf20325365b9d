import { CourseError } from '../course-error';

/**
 * A course code: what a catalogue or a broadcaster calls the course (`TV-NN-01`). ASCII letters,
 * digits, `-` and `.`, 2–32 characters, starting with a letter or digit; stored upper case so
 * `tv-nn-01` and `TV-NN-01` are one code (the unique index `uq_courses_code` holds it).
 */
export const COURSE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{1,31}$/;
export const COURSE_CODE_MAX_LENGTH = 32;
export const COURSE_CODE_MESSAGE =
  "code must be 2–32 characters: letters, digits, '-' or '.', starting with a letter or digit";

/** The code as stored (trimmed, upper case), or null when `raw` cannot be a course code. */
export function readCourseCode(raw: string): string | null {
  const code = raw.trim();
  return COURSE_CODE_PATTERN.test(code) ? code.toUpperCase() : null;
}

/** The code as stored; a malformed one is 400 `VALIDATION_FAILED` on `code`. */
export function normalizeCourseCode(raw: string): string {
  const code = readCourseCode(raw);
  if (code === null) throw CourseError.invalid({ code: [COURSE_CODE_MESSAGE] });
  return code;
}

/** An optional code from an author: undefined stays undefined (unchanged), null clears it. */
export const codeInput = (raw: string | null | undefined): string | null | undefined =>
  raw === undefined || raw === null ? raw : normalizeCourseCode(raw);
