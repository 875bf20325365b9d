import { Transform } from 'class-transformer';

/** Codes of units and facilities: ASCII letters and digits with `.`, `_`, `/` and `-`. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/;
export const CODE_MESSAGE =
  "code must be 1–50 characters: letters, digits, '.', '_', '/' or '-', starting with a letter or digit";

/** A display name: any text but line breaks and control characters. */
export const NAME_PATTERN = /^[^\p{Cc}]+$/u;

/** Trims strings before they are validated. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
