/**
 * Catalogue search terms, folded the same way for what is indexed and what is asked.
 *
 * Why a FULLTEXT index over a column we fold ourselves: Vietnamese must match without diacritics,
 * case or the đ/d difference, on MySQL 8.4 and MariaDB 10.11 alike. Collations disagree between
 * the two servers (and none treats đ as d), and MariaDB has no ngram parser, so the folding
 * happens here, in one place: lower case, NFKD, combining marks dropped, đ → d. The result is
 * stored in `courses.search_text` under an InnoDB FULLTEXT index, which both servers answer with
 * an index plan (`type = fulltext`) whatever the size of the catalogue.
 *
 * Two InnoDB defaults would still lose Vietnamese words: `innodb_ft_min_token_size = 3` (most
 * syllables are 1–3 letters: "đi", "an", "y") and the English stopword list ("an", "to", "the"…).
 * Every token is therefore stored with a two-letter marker (`zq` + token): each is at least three
 * characters long and none is a stopword, with no server setting to change. Query terms carry the
 * same marker; the last one is a prefix (`zqta*` finds "tập" while the user is still typing).
 */

/** Prepended to every indexed and queried token (see above). */
export const TOKEN_MARKER = 'zq';

/** Tokens longer than this are cut, so marker + token stays under InnoDB's 84-character limit. */
export const MAX_TOKEN_LENGTH = 60;

/** Query terms beyond these are ignored: a search box is a few words, not a document. */
export const MAX_QUERY_TERMS = 8;

/** Lower case, no diacritics, đ → d: "Học tập SUỐT ĐỜI" → "hoc tap suot doi". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd');
}

/** The folded words of `text`: letters and digits of any script; everything else separates. */
export function searchTokens(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/** What `courses.search_text` holds for these fields: distinct marked tokens, space-separated. */
export function searchDocument(fields: readonly (string | null | undefined)[]): string {
  const tokens = new Set(fields.flatMap((field) => (field ? searchTokens(field) : [])));
  return [...tokens].map((token) => TOKEN_MARKER + token).join(' ');
}

/** The distinct folded words of these fields: a course's rows of `course_search_terms`. */
export function documentTerms(fields: readonly (string | null | undefined)[]): string[] {
  return [...new Set(fields.flatMap((field) => (field ? searchTokens(field) : [])))];
}

/** What a person typed, as words every match must hold; the last may be the start of a word. */
export interface SearchWords {
  /** Whole words. */
  words: string[];
  /** The last word typed, matched as a prefix ("ta" finds "tập" while typing). */
  prefix: string;
}

/**
 * The words to look up for what a person typed (the same rule as `searchQuery`), or null when
 * nothing searchable is left.
 */
export function searchWords(typed: string): SearchWords | null {
  const tokens = [...new Set(searchTokens(typed))].slice(0, MAX_QUERY_TERMS);
  const prefix = tokens.pop();
  return prefix === undefined ? null : { words: tokens, prefix };
}

/**
 * The boolean-mode FULLTEXT query for what a person typed: every word required, the last one as
 * a prefix. Null when nothing searchable is left (punctuation, emoji, blanks): the catalogue then
 * lists everything, as an empty search box would.
 */
export function searchQuery(typed: string): string | null {
  const tokens = [...new Set(searchTokens(typed))].slice(0, MAX_QUERY_TERMS);
  if (tokens.length === 0) return null;
  return tokens
    .map((token, index) => `+${TOKEN_MARKER}${token}${index === tokens.length - 1 ? '*' : ''}`)
    .join(' ');
}

/** The key a tag is stored and filtered under: "Kỹ năng số" and "ky nang so" are one tag. */
export function tagKey(tag: string): string {
  return searchTokens(tag).join(' ');
}
