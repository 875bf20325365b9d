import type { components } from '../../api/schema';

export type CertificateTemplate = components['schemas']['TemplateDto'];
export type PlaceholderInfo = components['schemas']['PlaceholderDto'];
export type PlaceholderName = PlaceholderInfo['name'];

/** The texts of a template, in the order the form shows them, with the api's length limits. */
export const TEMPLATE_FIELDS = ['title', 'body', 'signerTitle', 'signerName'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateTexts = Record<TemplateField, string>;

const LIMITS: Record<TemplateField, { min: number; max: number }> = {
  title: { min: 1, max: 200 },
  body: { min: 1, max: 2000 },
  signerTitle: { min: 0, max: 200 },
  signerName: { min: 0, max: 200 },
};

/** The largest logo the api accepts (LOGO_MAX_BYTES of the certificates lib). */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'];

// The api's placeholder syntax (placeholders.ts): `{{name}}`, spaces inside the braces allowed.
const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names in `text` that are not among `known`, each once. */
export function unknownPlaceholders(text: string, known: readonly string[]): string[] {
  const unknown = new Set<string>();
  for (const [, name = ''] of text.matchAll(PATTERN)) if (!known.includes(name)) unknown.add(name);
  return [...unknown];
}

/** What is wrong with one text, as the api would say it, or null. */
export type TextProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'unknownPlaceholder'; names: string[] };

export function textProblem(
  field: TemplateField,
  value: string,
  known: readonly string[] | undefined,
): TextProblem | null {
  const { min, max } = LIMITS[field];
  if (value.length < min) return { kind: 'required' };
  if (value.length > max) return { kind: 'tooLong', max };
  const names = known ? unknownPlaceholders(value, known) : [];
  return names.length ? { kind: 'unknownPlaceholder', names } : null;
}

/**
 * The texts a facility without a template of its own starts from: what its certificates print
 * today (DEFAULT_TEMPLATE of the certificates lib).
 */
export const DEFAULT_TEXTS: TemplateTexts = {
  title: 'GIẤY CHỨNG NHẬN',
  body: 'Đã hoàn thành khoá học «{{courseTitle}}» ({{hours}} giờ) do {{facilityName}} tổ chức.',
  signerTitle: 'Đại diện cơ sở đào tạo',
  signerName: '{{facilityName}}',
};

/** `value` with `text` put in place of its selection [start, end); and where the cursor goes. */
export function insertAt(
  value: string,
  text: string,
  start: number,
  end: number,
): { value: string; cursor: number } {
  return { value: value.slice(0, start) + text + value.slice(end), cursor: start + text.length };
}
