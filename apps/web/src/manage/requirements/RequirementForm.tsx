import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useUnsavedChanges } from '../../studio/unsaved';
import { AssigneePreview } from './AssigneePreview';
import { CoursePicker } from './CoursePicker';
import { describeRequirement } from './describe';
import { useRequirementErrorMessage } from './errors';
import type { Requirement, RequirementBody } from './queries';
import { useCourseTitle, useUnit } from './queries';
import {
  bodyOf,
  DUE_KINDS,
  fieldOfCode,
  fieldOfPath,
  formProblems,
  MONTHS,
  RECURRENCE_KINDS,
  rulesOf,
  type RequirementFormValues,
  type RuleKey,
  targetOf,
} from './requirement-form';
import { UnitPicker } from './UnitPicker';

interface Props {
  initial: RequirementFormValues;
  /** Creating (version 1) or editing (the next version). */
  editing: boolean;
  save: (body: RequirementBody) => Promise<Requirement>;
  /** After a save, once the form holds no unsaved change (so leaving asks nothing). */
  onSaved: (requirement: Requirement, values: RequirementFormValues) => void;
}

type Field = keyof RequirementFormValues;

/** The rule text shown when the server refuses a field the client let through. */
const SERVER_RULE: Partial<Record<Field, RuleKey>> = {
  title: 'titleRequired',
  orgUnitId: 'unitIdMalformed',
  courseId: 'courseRequired',
  dueDays: 'dueDays',
  dueDate: 'dueDate',
  everyMonths: 'everyMonths',
  annualDay: 'annualOn',
  windowDays: 'windowDays',
  reminderDays: 'reminderDays',
  positions: 'listItem',
  jobGrades: 'listItem',
};

/**
 * The who / what / when / how-often form of a requirement, with the sentence it makes and the
 * number of people it would assign beside it, both kept up to date as the answers change.
 */
export function RequirementForm({ initial, editing, save, onSaved }: Props) {
  const { t } = useTranslation('manageRequirements');
  const errorMessage = useRequirementErrorMessage();
  const [error, setError] = useState<unknown>(null);
  // The saved requirement waits here until the guard has let go of the saved changes.
  const [saved, setSaved] = useState<Requirement | null>(null);
  const handled = useRef<Requirement | null>(null);
  const rule = (key: RuleKey) => t(`rules.${key}`, { max: 100 });
  const form = useForm<RequirementFormValues>({
    initialValues: initial,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(formProblems(values)).map(([field, key]) => [field, rule(key)]),
      ),
  });
  const values = form.getValues();
  const dirty = form.isDirty();
  useUnsavedChanges('requirement', dirty);
  useEffect(() => {
    if (saved && !dirty && handled.current !== saved) {
      handled.current = saved;
      onSaved(saved, form.getValues());
    }
  }, [saved, dirty, onSaved, form]);

  const submit = form.onSubmit(
    async (submitted) => {
      setError(null);
      try {
        const requirement = await save(bodyOf(submitted));
        form.setInitialValues(submitted);
        form.resetDirty(submitted);
        setSaved(requirement);
      } catch (caught) {
        if (!showOnFields(caught, submitted)) setError(caught);
      }
    },
    () => setError(null),
  );

  /** Puts an api refusal under the fields it names; false when it names none. */
  const showOnFields = (caught: unknown, submitted: RequirementFormValues): boolean => {
    if (!(caught instanceof ApiError)) return false;
    const byCode = fieldOfCode(caught.code);
    if (byCode) {
      form.setFieldError(byCode, errorMessage(caught));
      return true;
    }
    const paths = Object.keys((caught.details?.fields as Record<string, unknown>) ?? {});
    const fields = paths.flatMap((path) => fieldOfPath(path, submitted) ?? []);
    for (const field of fields) {
      const key = SERVER_RULE[field];
      form.setFieldError(field, key ? rule(key) : t('rules.server'));
    }
    return fields.length > 0;
  };

  const unit = useUnit(targetOf(values)?.orgUnitId ?? null);
  const course = useCourseTitle(values.courseId || null);
  const complete = Object.keys(formProblems(values)).length === 0;
  const recurring = values.recurrenceKind !== 'once';

  return (
    <form noValidate onSubmit={submit}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {error ? (
              <Text c="red.9" role="alert">
                {errorMessage(error)}
              </Text>
            ) : null}
            <TextInput
              label={t('form.titleLabel')}
              description={t('form.titleHint')}
              required
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <Question legend={t('form.who')}>
              <UnitPicker
                value={values.orgUnitId}
                error={form.errors.orgUnitId as string | undefined}
                onChange={(id) => form.setFieldValue('orgUnitId', id)}
              />
              <Checkbox
                label={t('form.includeDescendants')}
                {...form.getInputProps('includeDescendants', { type: 'checkbox' })}
              />
              <TagsInput
                label={t('form.positions')}
                description={t('form.positionsHint')}
                maxTags={100}
                {...form.getInputProps('positions')}
              />
              <TagsInput
                label={t('form.jobGrades')}
                description={t('form.jobGradesHint')}
                maxTags={100}
                {...form.getInputProps('jobGrades')}
              />
            </Question>
            <Question legend={t('form.what')}>
              <CoursePicker
                value={values.courseId}
                error={form.errors.courseId as string | undefined}
                onChange={(id) => form.setFieldValue('courseId', id)}
              />
            </Question>
            <Question legend={t('form.when')}>
              <Radio.Group label={t('form.dueKind')} {...form.getInputProps('dueKind')}>
                <Stack gap="xs" mt="xs">
                  {DUE_KINDS.map((kind) => (
                    <Radio key={kind} value={kind} label={t(`form.dueKinds.${kind}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              {values.dueKind === 'days' ? (
                <NumberInput
                  label={t('form.dueDays')}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  maw={200}
                  {...form.getInputProps('dueDays')}
                />
              ) : null}
              {values.dueKind === 'date' ? (
                <TextInput
                  type="date"
                  label={t('form.dueDate')}
                  maw={240}
                  {...form.getInputProps('dueDate')}
                />
              ) : null}
            </Question>
            <Question legend={t('form.often')}>
              <Radio.Group
                label={t('form.recurrenceKind')}
                {...form.getInputProps('recurrenceKind')}
              >
                <Stack gap="xs" mt="xs">
                  {RECURRENCE_KINDS.map((kind) => (
                    <Radio key={kind} value={kind} label={t(`form.recurrenceKinds.${kind}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              {values.recurrenceKind === 'months' ? (
                <NumberInput
                  label={t('form.everyMonths')}
                  description={t('form.everyMonthsHint')}
                  min={1}
                  max={120}
                  allowDecimal={false}
                  maw={280}
                  {...form.getInputProps('everyMonths')}
                />
              ) : null}
              {values.recurrenceKind === 'annual' ? (
                <Group align="flex-start" gap="sm">
                  <NativeSelect
                    label={t('form.annualMonth')}
                    description={t('form.annualHint')}
                    data={MONTHS}
                    {...form.getInputProps('annualMonth')}
                  />
                  <NumberInput
                    label={t('form.annualDay')}
                    min={1}
                    max={31}
                    allowDecimal={false}
                    maw={120}
                    {...form.getInputProps('annualDay')}
                  />
                </Group>
              ) : null}
              {recurring ? (
                <NumberInput
                  label={t('form.windowDays')}
                  min={0}
                  max={365}
                  allowDecimal={false}
                  maw={320}
                  {...form.getInputProps('windowDays')}
                />
              ) : null}
            </Question>
            <Question legend={t('form.reminders')}>
              <TagsInput
                label={t('form.reminderDays')}
                description={t('form.reminderDaysHint')}
                maxTags={10}
                {...form.getInputProps('reminderDays')}
              />
            </Question>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <AssigneePreview target={targetOf(values)} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t('form.summary')}
              </Title>
              <Text>
                {complete
                  ? describeRequirement(t, rulesOf(values), {
                      unit: unit.data?.name ?? '…',
                      course: course.data ?? '…',
                    })
                  : t('form.fixFields')}
              </Text>
            </Paper>
            <Group justify="space-between">
              <Anchor component={Link} to="/manage/requirements">
                {t('form.cancel')}
              </Anchor>
              <Button type="submit" loading={form.submitting}>
                {editing ? t('form.saveVersion') : t('form.save')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}

/** One of the form's questions: a group a screen reader names by its legend. */
function Question({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}
