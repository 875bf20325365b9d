import { searchDocument } from '@lifelong/common';

/**
 * What `users.search_text` holds for a name and email: the catalogue's folding (lower case, no
 * diacritics, đ → d, marked tokens), so "nguyen van a" finds "Nguyễn Văn A". Every write of a
 * name or email writes this too.
 */
export const userSearchText = (fullName: string, email: string): string =>
  searchDocument([fullName, email]);
