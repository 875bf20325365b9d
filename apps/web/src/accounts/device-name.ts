/**
 * A short name for the browser and system in a User-Agent, enough to tell one's own sessions
 * apart ("Chrome · Android"); the raw text when nothing is recognised.
 */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\//, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/CriOS|Chrome\//, 'Chrome'],
      [/Version\/.*Safari\//, 'Safari'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  const system =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? null;
  const known = [browser, system].filter(Boolean) as string[];
  return known.length > 0 ? known.join(' · ') : userAgent.slice(0, 60);
}
