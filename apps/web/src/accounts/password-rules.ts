import type { TFunction } from 'i18next';

/** The server's password policy (user-input.ts): 8–128 characters, not only spaces, not the email. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** What is wrong with a new password, as a translated message; null when it is acceptable. */
export function newPasswordProblem(t: TFunction, password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN || password.trim() === '') return t('auth.passwordTooShort');
  if (length > PASSWORD_MAX) return t('accounts.passwordTooLong');
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return t('accounts.passwordIsEmail');
  return null;
}

/** The token of an emailed link: in the fragment (`#token=`), or the query for older links. */
export function linkToken(location: { hash: string; search: string }): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token');
}
