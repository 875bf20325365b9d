/**
 * The keys of `catalogue_terms` besides a course's words (which are letters and digits only, so
 * the three never meet a word): every listed course is under ALL, under its facility and under
 * each of its tags.
 */
export const ALL = '';
export const facilityTerm = (facilityId: string): string => `@${facilityId}`;
export const tagTerm = (tagKey: string): string => `#${tagKey}`;

/** The keys a listed course is found by: its words, its tags, its facility and ALL. */
export function listingTerms(
  words: readonly string[],
  tagKeys: readonly string[],
  facilityId: string,
): string[] {
  return [...new Set([...words, ...tagKeys.map(tagTerm), facilityTerm(facilityId), ALL])];
}
