/**
 * The placeholders a certificate template may use, e.g. `{{holderName}}`. A template naming
 * anything else is refused when it is saved, so issuing never meets one.
 */
export const PLACEHOLDERS = [
  'holderName',
  'courseTitle',
  'facilityName',
  'hours',
  'issuedOn',
  'expiresOn',
  'serial',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/**
 * What each placeholder prints on a trial print (a preview prints the facility's and course's
 * own names and hours instead where it has them). The serial is no certificate's: it fails the
 * check character, so verifying it says so.
 */
export const PLACEHOLDER_EXAMPLES: PlaceholderValues = {
  holderName: 'Nguyễn Văn An',
  courseTitle: 'Kỹ năng số cơ bản',
  facilityName: 'Trung tâm Giáo dục thường xuyên',
  hours: '12',
  issuedOn: '01/12/2026',
  expiresOn: '01/12/2028',
  serial: '0000-0000-0000-01',
};

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names in `text` that are not {@link PLACEHOLDERS}, each once. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PATTERN))
    if (!(PLACEHOLDERS as readonly string[]).includes(name!)) unknown.add(name!);
  return [...unknown];
}

/** `text` with every placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) =>
    name in values ? values[name as Placeholder] : whole,
  );
}
