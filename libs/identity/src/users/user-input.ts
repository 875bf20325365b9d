/** Shortest password accepted. */
export const PASSWORD_MIN_LENGTH = 8;
/**
 * Longest password accepted, in characters. Hashing cost grows with input length, so an
 * unbounded password would let one request tie up the CPU.
 */
export const PASSWORD_MAX_LENGTH = 128;
/** `users.full_name` is varchar(200): MySQL counts characters (code points). */
export const FULL_NAME_MAX_LENGTH = 200;
/** RFC 5321 limit, and the width of `users.email`. */
export const EMAIL_MAX_LENGTH = 254;

/** The languages the platform speaks; `vi` is the default. */
export const LOCALES = ['vi', 'en'] as const;
/** The default time zone of every account (`users.time_zone`). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** `users.time_zone` is varchar(64). */
export const TIME_ZONE_MAX_LENGTH = 64;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const characterCount = (value: string): number => [...value].length;

// Invisible characters: format characters (soft hyphen, zero-width space and joiners, byte-order
// mark, bidi marks) and every other default-ignorable code point (variation selectors, ...).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// Accents and other marks, once separated from their letters by NFD.
const MARKS = /\p{M}/gu;

/**
 * The one form of an email the platform stores, looks up, limits sign-ins by and keeps unique
 * (docs/identity.md): Unicode compatibility forms unified (NFKC: full-width letters, ligatures),
 * invisible characters removed, case folded (ß as ss), accents removed, surrounding spaces
 * trimmed. The users table's collation (utf8mb4_unicode_ci) already compares "àdmin" and
 * "admin" as equal, so an account can only ever hold one of them: folding accents here makes
 * every variant the database would match the same string everywhere else too (rate-limit keys,
 * duplicate checks), instead of a second name for one account.
 */
export function canonicalEmail(email: string): string {
  return email
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .trim();
}

/**
 * Names are stored trimmed and in Unicode NFC, so "Nguyễn" typed with combining marks and
 * with precomposed letters is the same name (and searches find both).
 */
export function normalizeFullName(fullName: string): string {
  return fullName.normalize('NFC').trim();
}

/** What is wrong with a password under the policy; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const length = characterCount(password);
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH)
    problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (password.trim().length === 0) problems.push('password must not be only spaces');
  return problems;
}

/**
 * The password policy for a known account: {@link passwordProblems}, and not the account's own
 * email (the first thing a guesser tries), compared the way emails are.
 */
export function accountPasswordProblems(password: string, email: string): string[] {
  const problems = passwordProblems(password);
  if (problems.length === 0 && canonicalEmail(password) === canonicalEmail(email))
    problems.push('password must not be your email address');
  return problems;
}

/** What is wrong with a full name (after normalization); empty when it is acceptable. */
export function fullNameProblems(fullName: string): string[] {
  const normalized = normalizeFullName(fullName);
  const problems: string[] = [];
  if (normalized.length === 0) problems.push('fullName must not be empty');
  if (characterCount(normalized) > FULL_NAME_MAX_LENGTH)
    problems.push(`fullName must be at most ${FULL_NAME_MAX_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(normalized))
    problems.push('fullName must not contain control characters');
  return problems;
}

/** Keeps only the fields that have problems; null when none has. */
export function fieldProblems(
  problemsByField: Record<string, string[]>,
): Record<string, string[]> | null {
  const entries = Object.entries(problemsByField).filter(([, problems]) => problems.length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/**
 * What is wrong with a time zone: it must be an IANA name such as `Asia/Ho_Chi_Minh` that this
 * runtime knows (offsets like `+07:00` are refused: they ignore daylight saving).
 */
export function timeZoneProblems(timeZone: string): string[] {
  const named = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  if (!named || timeZone.length > TIME_ZONE_MAX_LENGTH || !knownTimeZone(timeZone))
    return ['timeZone must be an IANA time zone such as Asia/Ho_Chi_Minh'];
  return [];
}

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
