/** Longer return paths are refused: nothing in the web app needs one, and they only bloat cookies. */
export const RETURN_TO_MAX_LENGTH = 512;

// Any ASCII control character, and the backslash browsers read as a slash ("/\evil.example").
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send a person after signing in: only a path of this site, so the sign-in cannot be
 * used to bounce someone to another site (open redirect). Returns `/` when nothing was asked for,
 * the path as given when it is safe, and null when it is not: absolute or scheme-relative URLs
 * (`https://…`, `//evil`), backslashes, control characters, or anything that would resolve to
 * another origin.
 */
export function safeReturnTo(requested: string | undefined): string | null {
  if (requested === undefined || requested === '') return '/';
  if (requested.length > RETURN_TO_MAX_LENGTH) return null;
  if (!requested.startsWith('/') || requested.startsWith('//') || UNSAFE.test(requested))
    return null;
  const base = 'http://return-to.invalid';
  let resolved: URL;
  try {
    resolved = new URL(requested, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
