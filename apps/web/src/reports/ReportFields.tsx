import { Checkbox, NativeSelect, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answer, Answers, FormField } from './queries';

type Field = Omit<FormField, 'retired'> & { retired?: boolean };

/** A field's label in the person's language. */
export function useFieldLabel(): (field: Pick<Field, 'label'>) => string {
  const { i18n } = useTranslation();
  return (field) => (i18n.language.startsWith('en') ? field.label.en : field.label.vi);
}

/** The form's questions as inputs of their type, each with its help and the api's refusal. */
export function ReportFields({
  fields,
  values,
  problems,
  onChange,
}: {
  fields: readonly Field[];
  values: Answers;
  problems: Record<string, string>;
  onChange: (key: string, value: Answer | undefined) => void;
}) {
  const label = useFieldLabel();
  const { t } = useTranslation('reports');
  return (
    <Stack gap="md">
      {fields.map((field) => {
        const common = {
          label: label(field),
          description: field.help ?? undefined,
          required: field.required,
          error: problems[field.key],
        };
        const value = values[field.key];
        switch (field.type) {
          case 'number':
          case 'integer':
            return (
              <NumberInput
                key={field.key}
                {...common}
                value={typeof value === 'number' ? value : ''}
                min={field.min ?? undefined}
                max={field.max ?? undefined}
                allowDecimal={field.type === 'number'}
                decimalSeparator=","
                thousandSeparator="."
                onChange={(next) =>
                  onChange(field.key, typeof next === 'number' ? next : undefined)
                }
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={field.key}
                label={common.label}
                description={common.description}
                error={common.error}
                checked={value === true}
                onChange={(event) => onChange(field.key, event.currentTarget.checked)}
              />
            );
          case 'choice':
            return (
              <NativeSelect
                key={field.key}
                {...common}
                value={typeof value === 'string' ? value : ''}
                data={[{ value: '', label: t('unanswered') }, ...(field.choices ?? [])]}
                onChange={(event) => onChange(field.key, event.currentTarget.value || undefined)}
              />
            );
          case 'text':
            return (
              <Textarea
                key={field.key}
                {...common}
                autosize
                minRows={2}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(field.key, event.currentTarget.value || undefined)}
              />
            );
        }
      })}
      {fields.length === 0 ? <Text>{t('unanswered')}</Text> : null}
    </Stack>
  );
}

/** What a report answered, question by question, as it was asked (retired questions noted). */
export function ReportAnswers({
  fields,
  values,
  retiredKeys,
}: {
  fields: readonly Field[];
  values: Answers;
  retiredKeys?: ReadonlySet<string>;
}) {
  const label = useFieldLabel();
  const { t } = useTranslation('reports');
  const shown = (value: Answer | undefined): string =>
    value === undefined
      ? t('unanswered')
      : typeof value === 'boolean'
        ? t(value ? 'yesNo.yes' : 'yesNo.no')
        : String(value);
  return (
    <Stack component="dl" gap="xs" m={0}>
      {fields.map((field) => (
        <div key={field.key}>
          <Text component="dt" fw={600} size="sm">
            {label(field)}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {shown(values[field.key])}
          </Text>
          {retiredKeys?.has(field.key) ? (
            <Text component="dd" m={0} size="sm" c="dimmed">
              {t('retired')}
            </Text>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}
