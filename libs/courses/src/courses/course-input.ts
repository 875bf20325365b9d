import { tagKey } from '@lifelong/common';
import { CourseError } from '../course-error';

/** A course's own fields, as an author sends them (validated for shape by the DTOs). */
export interface CourseFields {
  title: string;
  summary: string;
  /** A catalogue or broadcast code, unique across the platform (course-code.ts). */
  code?: string | null;
  description?: string | null;
  language?: string;
  tags?: string[];
  capacity?: number | null;
  hours?: number | null;
  validityMonths?: number | null;
  enrollmentOpensAt?: Date | null;
  enrollmentClosesAt?: Date | null;
}

/** A course to create at a facility. */
export interface NewCourse extends CourseFields {
  facilityId: string;
}

/** Fields to change; `null` clears an optional one, a missing field stays as it is. */
export type CoursePatch = Partial<CourseFields>;

/** A tag as shown and the key it is filtered by. */
export interface NormalizedTag {
  tag: string;
  key: string;
}

export const MAX_TAGS = 10;
const MAX_TAG_KEY_LENGTH = 60;

/**
 * Tags trimmed and in NFC, one per folded key ("Kỹ năng số" and "ky nang so" are one tag; the
 * first spelling wins). A tag with no letter or digit is refused.
 */
export function normalizeTags(tags: readonly string[]): NormalizedTag[] {
  const byKey = new Map<string, NormalizedTag>();
  tags.forEach((raw, index) => {
    const tag = raw.trim().normalize('NFC');
    const key = tagKey(tag).slice(0, MAX_TAG_KEY_LENGTH);
    if (!key) throw CourseError.invalid({ [`tags.${index}`]: ['a tag needs a letter or a digit'] });
    if (!byKey.has(key)) byKey.set(key, { tag, key });
  });
  return [...byKey.values()];
}

/** Refuses an enrollment window that closes before it opens. */
export function assertWindow(opensAt: Date | null, closesAt: Date | null): void {
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime())
    throw CourseError.invalid({
      enrollmentClosesAt: ['enrollmentClosesAt must be after enrollmentOpensAt'],
    });
}

/** Plain text as stored: NFC, so a title typed with combining marks equals the precomposed one. */
export const plainText = (text: string): string => text.trim().normalize('NFC');
