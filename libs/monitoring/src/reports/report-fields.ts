import { type IndicatorCode, REPORTED_INDICATOR_CODES } from '../indicators/indicator-catalogue';
import { MonitoringError } from '../monitoring-error';

/** What a report field holds. */
export const FIELD_TYPES = ['number', 'integer', 'text', 'boolean', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a year's form, as defined (and as a report keeps it in its snapshot). */
export interface ReportField {
  key: string;
  label: { vi: string; en: string };
  type: FieldType;
  help: string | null;
  required: boolean;
  /** Bounds of a number or integer (inclusive); null when open. */
  min: number | null;
  max: number | null;
  /** The options of a `choice` field; null for other types. */
  choices: string[] | null;
  /** The reported indicator an integer field feeds once the report is accepted. */
  indicator: IndicatorCode | null;
}

/** A stored answer: what a field's type allows. */
export type FieldValue = number | string | boolean;

/** Answers by field key. */
export type ReportValues = Record<string, FieldValue>;

/** The longest text answer. */
export const TEXT_MAX = 4_000;

/** Field keys: lower-case snake case, as CSV headers carry them. */
export const FIELD_KEY = /^[a-z][a-z0-9_]{0,59}$/;

/**
 * Checks a form's fields as an administrator defines them: keys unique, bounds ordered, choices
 * only on choice fields, an indicator only on an integer field and fed by one field at most.
 * Throws VALIDATION_FAILED listing each problem by field.
 */
export function checkFieldDefinitions(fields: readonly ReportField[]): void {
  const problems: Record<string, string[]> = {};
  const add = (key: string, message: string) => (problems[key] ??= []).push(message);
  const keys = new Set<string>();
  const fed = new Set<string>();
  fields.forEach((field, index) => {
    const at = `fields[${index}]`;
    if (keys.has(field.key)) add(at, `key ${field.key} is used twice`);
    keys.add(field.key);
    if (field.min !== null && field.max !== null && field.min > field.max)
      add(at, 'min must not be above max');
    const numeric = field.type === 'number' || field.type === 'integer';
    if (!numeric && (field.min !== null || field.max !== null))
      add(at, 'min and max apply to number and integer fields only');
    if (field.type === 'choice' && (field.choices?.length ?? 0) === 0)
      add(at, 'a choice field needs choices');
    if (field.type !== 'choice' && field.choices !== null)
      add(at, 'choices apply to choice fields only');
    if (field.choices && new Set(field.choices).size !== field.choices.length)
      add(at, 'choices must be different');
    if (field.indicator !== null) {
      if (!REPORTED_INDICATOR_CODES.includes(field.indicator))
        add(at, `indicator must be one of ${REPORTED_INDICATOR_CODES.join(', ')}`);
      if (field.type !== 'integer') add(at, 'a field feeding an indicator must be an integer');
      if (fed.has(field.indicator)) add(at, `indicator ${field.indicator} is fed by two fields`);
      fed.add(field.indicator);
    }
  });
  if (Object.keys(problems).length > 0)
    throw new MonitoringError('VALIDATION_FAILED', 'The form has invalid fields', {
      fields: problems,
    });
}

/** Why one answer does not fit its field; null when it does. */
export function valueProblem(field: ReportField, value: unknown): string | null {
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (field.type === 'integer' && !Number.isSafeInteger(value)) return 'must be an integer';
      if (field.min !== null && value < field.min) return `must be at least ${field.min}`;
      if (field.max !== null && value > field.max) return `must be at most ${field.max}`;
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > TEXT_MAX ? `must be at most ${TEXT_MAX} characters` : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'choice':
      return typeof value === 'string' && (field.choices ?? []).includes(value)
        ? null
        : `must be one of ${(field.choices ?? []).join(', ')}`;
  }
}

/**
 * Checks answers against the form's current fields: every key a current field, every value of
 * its type (null or '' clears an answer). Throws VALIDATION_FAILED by field key; returns the
 * answers kept.
 */
export function checkValues(fields: readonly ReportField[], values: unknown): ReportValues {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new MonitoringError('VALIDATION_FAILED', 'values must be an object', {
      fields: { values: ['must be an object of answers by field key'] },
    });
  const byKey = new Map(fields.map((field) => [field.key, field]));
  // Maps, not objects: a key such as `__proto__` from the request stays a plain key.
  const problems = new Map<string, string[]>();
  const kept = new Map<string, FieldValue>();
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      problems.set(key, ['is not a field of this form']);
      continue;
    }
    if (value === null || value === '') continue;
    const problem = valueProblem(field, value);
    if (problem) problems.set(key, [problem]);
    else kept.set(key, value as FieldValue);
  }
  if (problems.size > 0)
    throw new MonitoringError('VALIDATION_FAILED', 'Some answers do not fit the form', {
      fields: Object.fromEntries(problems),
    });
  return Object.fromEntries(kept);
}

/** The required fields with no answer. */
export const missingAnswers = (fields: readonly ReportField[], values: ReportValues): string[] =>
  fields.filter((field) => field.required && !(field.key in values)).map((field) => field.key);
