import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { currentTimeZone, formatDateTime, formatNumber } from '../../format';
import {
  changedFields,
  COURSE_FIELDS,
  type CourseField,
  type CourseFields,
  coursePatch,
} from '../course-fields';
import { summaryProblem, titleProblem } from '../course-rules';
import { useStudioErrorMessage } from '../errors';
import { COURSE_LANGUAGES, type CourseDetail, studioKeys } from '../queries';
import { useUnsavedChanges } from '../unsaved';
import { fromZonedInput, toZonedInput } from '../zoned-time';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{1,31}$/;
const MAX_TAGS = 10;

/** One value per course field the form edits (COURSE_FIELDS), as the inputs hold it. */
interface Values extends Record<CourseField, unknown> {
  title: string;
  code: string;
  summary: string;
  description: string;
  language: string;
  tags: string[];
  capacity: number | string;
  hours: number | string;
  validityMonths: number | string;
  enrollmentOpensAt: string;
  enrollmentClosesAt: string;
}

const numberOrNull = (value: number | string): number | null =>
  value === '' || value === null ? null : Number(value);

function toValues(course: CourseFields): Values {
  const zone = currentTimeZone();
  return {
    title: course.title,
    code: course.code ?? '',
    summary: course.summary,
    description: course.description ?? '',
    language: course.language,
    tags: course.tags,
    capacity: course.capacity ?? '',
    hours: course.hours ?? '',
    validityMonths: course.validityMonths ?? '',
    enrollmentOpensAt: toZonedInput(course.enrollmentOpensAt, zone),
    enrollmentClosesAt: toZonedInput(course.enrollmentClosesAt, zone),
  };
}

function toFields(values: Values): CourseFields {
  const zone = currentTimeZone();
  return {
    title: values.title.trim(),
    code: values.code.trim() ? values.code.trim().toUpperCase() : null,
    summary: values.summary.trim(),
    description: values.description.trim() ? values.description.trim() : null,
    language: values.language,
    tags: values.tags,
    capacity: numberOrNull(values.capacity),
    hours: numberOrNull(values.hours),
    validityMonths: numberOrNull(values.validityMonths),
    enrollmentOpensAt: fromZonedInput(values.enrollmentOpensAt, zone),
    enrollmentClosesAt: fromZonedInput(values.enrollmentClosesAt, zone),
  };
}

/** What another person saved since this form was loaded, with their values. */
interface OthersChange {
  latest: CourseDetail;
  fields: CourseField[];
  /** Fields both people changed: the person decides whose value stays. */
  conflicts: CourseField[];
}

/**
 * The course's own fields. A save sends only what the person changed; before it, the form reads
 * the course again and, when someone else saved meanwhile, says which fields they changed. Fields
 * only the other person changed are kept as they left them; a field both changed waits for the
 * person to choose (the api keeps no version number, so the two versions are compared).
 */
export function DetailsForm({ course, readOnly }: { course: CourseDetail; readOnly: boolean }) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const [base, setBase] = useState<CourseFields>(course);
  const [others, setOthers] = useState<OthersChange | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    initialValues: toValues(course),
    validate: {
      title: (value) => {
        const problem = titleProblem(value);
        return problem ? t(problem) : null;
      },
      summary: (value) => {
        const problem = summaryProblem(value);
        return problem ? t(problem) : null;
      },
      code: (value) => (!value.trim() || CODE_PATTERN.test(value.trim()) ? null : t('rules.code')),
      tags: (value) =>
        value.length > MAX_TAGS
          ? t('rules.tooManyTags')
          : value.some((tag) => tag.length > 50)
            ? t('rules.tagTooLong')
            : null,
      capacity: (value) => {
        const seats = numberOrNull(value);
        if (seats === null) return null;
        if (!Number.isInteger(seats) || seats < 1) return t('rules.capacity');
        return seats < course.activeEnrollments
          ? t('rules.capacityBelow', { count: course.activeEnrollments })
          : null;
      },
      hours: (value) => {
        const hours = numberOrNull(value);
        return hours === null || (hours >= 0 && hours <= 9999.9) ? null : t('rules.hours');
      },
      validityMonths: (value) => {
        const months = numberOrNull(value);
        return months === null || (Number.isInteger(months) && months >= 1 && months <= 600)
          ? null
          : t('rules.validity');
      },
      enrollmentClosesAt: (value, values) => {
        const zone = currentTimeZone();
        const opens = fromZonedInput(values.enrollmentOpensAt, zone);
        const closes = fromZonedInput(value, zone);
        return opens && closes && closes <= opens ? t('rules.window') : null;
      },
    },
  });

  useUnsavedChanges(`course-${course.id}`, form.isDirty());

  const save = async (values: Values, keepMine: boolean) => {
    setError(null);
    setSaved(false);
    const mine = coursePatch(base, toFields(values));
    try {
      const latest = await unwrap(
        api.GET('/api/v1/courses/{id}', { params: { path: { id: course.id } } }),
      );
      const theirs = changedFields(base, latest);
      const conflicts = theirs.filter((field) => field in mine);
      if (theirs.length > 0) setOthers({ latest, fields: theirs, conflicts });
      if (conflicts.length > 0 && !keepMine) return;
      const updated = Object.keys(mine).length
        ? await unwrap(
            api.PATCH('/api/v1/courses/{id}', {
              params: { path: { id: course.id } },
              body: mine,
            }),
          )
        : latest;
      // What is now on the server becomes the base: their fields and mine alike.
      const next = { ...latest, ...updated };
      setBase(next);
      form.setValues(toValues(next));
      form.resetDirty(toValues(next));
      if (conflicts.length > 0) setOthers(null);
      setSaved(true);
      queryClient.setQueryData(studioKeys.course(course.id), (old: CourseDetail | undefined) =>
        old ? { ...old, ...updated } : old,
      );
      await queryClient.invalidateQueries({ queryKey: studioKeys.lists });
    } catch (caught) {
      const fields = caught instanceof ApiError ? fieldErrors(caught) : [];
      for (const field of fields) form.setFieldError(field, errorMessage(caught));
      if (fields.length === 0) setError(caught);
    }
  };

  const takeTheirs = () => {
    if (!others) return;
    const theirs = toValues(others.latest);
    for (const field of others.conflicts) form.setFieldValue(field, theirs[field]);
    setBase(others.latest);
    setOthers(null);
  };

  const label = (field: CourseField) => t(`fields.${field}`);
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save(values, false))}>
      <Stack>
        {others ? (
          <Alert color="grape.9" variant="filled" role="alert" title={t('details.othersSaved')}>
            <Stack gap="xs">
              <Text size="sm">
                {others.conflicts.length > 0 ? t('details.conflictIntro') : t('details.keptTheirs')}
              </Text>
              <List size="sm">
                {others.fields.map((field) => (
                  <List.Item key={field}>
                    {label(field)}: {shown(field, others.latest[field]) || t('details.empty')}
                  </List.Item>
                ))}
              </List>
              {others.conflicts.length > 0 ? (
                <Group gap="sm">
                  <Button size="xs" onClick={() => void save(form.getValues(), true)}>
                    {t('details.keepMine')}
                  </Button>
                  <Button size="xs" variant="default" onClick={takeTheirs}>
                    {t('details.takeTheirs')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" variant="light">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <TextInput
          label={label('title')}
          required
          maxLength={200}
          readOnly={readOnly}
          {...form.getInputProps('title')}
        />
        <Textarea
          label={label('summary')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          readOnly={readOnly}
          {...form.getInputProps('summary')}
        />
        <Textarea
          label={label('description')}
          autosize
          minRows={4}
          maxLength={10000}
          readOnly={readOnly}
          {...form.getInputProps('description')}
        />
        <TagsInput
          label={label('tags')}
          description={t('details.tagsHint')}
          maxTags={MAX_TAGS}
          readOnly={readOnly}
          {...form.getInputProps('tags')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={label('code')}
            description={t('details.codeHint')}
            maxLength={32}
            readOnly={readOnly}
            {...form.getInputProps('code')}
          />
          <NativeSelect
            label={label('language')}
            data={COURSE_LANGUAGES.map((language) => ({
              value: language,
              label: t(`create.languages.${language}`),
            }))}
            disabled={readOnly}
            {...form.getInputProps('language')}
          />
          <NumberInput
            label={label('capacity')}
            description={t('details.capacityHint')}
            min={1}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('capacity')}
          />
          <NumberInput
            label={label('hours')}
            min={0}
            max={9999.9}
            decimalScale={1}
            readOnly={readOnly}
            {...form.getInputProps('hours')}
          />
          <NumberInput
            label={label('validityMonths')}
            description={t('details.validityHint')}
            min={1}
            max={600}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('validityMonths')}
          />
          <div />
          <TextInput
            type="datetime-local"
            label={label('enrollmentOpensAt')}
            description={t('details.zoneHint', { zone: currentTimeZone() })}
            readOnly={readOnly}
            {...form.getInputProps('enrollmentOpensAt')}
          />
          <TextInput
            type="datetime-local"
            label={label('enrollmentClosesAt')}
            description={t('details.zoneHint', { zone: currentTimeZone() })}
            readOnly={readOnly}
            {...form.getInputProps('enrollmentClosesAt')}
          />
        </SimpleGrid>
        {!readOnly ? (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('details.save')}
            </Button>
            {saved && !form.isDirty() ? (
              <Text size="sm" c="teal.9" role="status">
                {t('details.saved')}
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/** A field's value as one line of text (times in the person's zone). */
function shown(field: CourseField, value: CourseFields[CourseField]): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' && field.startsWith('enrollment')) return formatDateTime(value);
  if (typeof value === 'number') return formatNumber(value);
  return value ?? '';
}

/** The form fields an api error names. */
function fieldErrors(error: ApiError): (keyof Values)[] {
  if (error.code === 'COURSE_CODE_TAKEN') return ['code'];
  if (error.code === 'CAPACITY_BELOW_ENROLLED') return ['capacity'];
  const fields = (error.details?.fields ?? {}) as Record<string, unknown>;
  return COURSE_FIELDS.filter((field) => field in fields);
}
