import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** A one-line text: anything but control characters (line breaks included). */
export const LINE_PATTERN = /^[^\p{Cc}]+$/u;
/** A multi-line plain text: no control characters but line breaks and tabs. */
export const TEXT_PATTERN = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;
/** BCP 47 language tags as people use them: `vi`, `en`, `en-GB`, `zh-Hant`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;
/** ISO 8601 with an explicit offset, so no time is read in the server's zone by accident. */
export const INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_MESSAGE =
  '$property must be an ISO 8601 time with a zone, like 2026-12-01T00:00:00Z';

/** Trims strings before they are validated. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Optional, but never null: a field that cannot be cleared (a title, a kind…). */
export const OptionalNotNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);

/** An optional instant from the body: undefined stays undefined, null stays null. */
export const toInstant = (value: string | null | undefined): Date | null | undefined =>
  value === undefined || value === null ? value : new Date(value);
