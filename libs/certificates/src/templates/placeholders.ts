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
