/** The languages templates are written in; Vietnamese first, and the fallback for any other. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `en`, `en-US`, `EN_gb` → en; `vi`, `vi-VN` → vi; anything else (or nothing) → vi. */
export function languageOf(locale: string | null | undefined): Language {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'en' ? 'en' : 'vi';
}

/** The default time zone for people who have not chosen one (domain.md). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** True for an IANA time zone this runtime knows (`Asia/Ho_Chi_Minh`, `Europe/Paris`, `UTC`). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
