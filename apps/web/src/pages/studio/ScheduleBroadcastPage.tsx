import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';
import { currentTimeZone, dayKey } from '../../format';
import '../../studio/i18n';
import { useStudioCourse } from '../../studio/queries';
import { StudioNav } from '../../studio/StudioNav';
import { overlapDetails, useTvErrorMessage } from '../../studio/television/errors';
import '../../studio/television/i18n';
import { OverlapAlert } from '../../studio/television/OverlapAlert';
import { useBroadcastChanged, useSchedulableChannels } from '../../studio/television/queries';
import {
  type RecurrenceDraft,
  recurrenceProblem,
  seriesDays,
  toRrule,
} from '../../studio/television/recurrence';
import { RecurrenceBuilder } from '../../studio/television/RecurrenceBuilder';
import { zonedSlot } from '../../studio/television/slot';
import { weekOf } from '../../television/week';

interface SlotFields {
  channelId: string;
  courseId: string;
  lessonId: string;
  day: string;
  start: string;
  end: string;
}

type FieldProblem = Partial<Record<keyof SlotFields, string>>;

/** The published courses of the person's facilities (a person teaches a handful). */
function usePublishedCourses() {
  return useQuery({
    queryKey: ['studio', 'courses', { status: 'published', pageSize: 100 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/studio/courses', {
          params: { query: { status: 'published', pageSize: 100 } },
        }),
      ),
  });
}

function TelevisionLessonSelect({
  courseId,
  value,
  error,
  onChange,
}: {
  courseId: string;
  value: string;
  error?: string;
  onChange: (lessonId: string) => void;
}) {
  const { t } = useTranslation('studioTv');
  const course = useStudioCourse(courseId);
  if (course.isPending) return <PageLoader />;
  if (course.isError)
    return <ApiErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  const lessons = course.data.sections
    .flatMap((section) => section.lessons)
    .filter((lesson) => lesson.kind === 'television');
  if (lessons.length === 0)
    return (
      <Alert color="blue" role="status">
        {t('form.noTelevisionLesson')}{' '}
        <Anchor component={Link} to={`/studio/courses/${courseId}?tab=content`}>
          {course.data.title}
        </Anchor>
      </Alert>
    );
  return (
    <NativeSelect
      label={t('form.lesson')}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('form.pickLesson') },
        ...lessons.map((lesson) => ({ value: lesson.id, label: lesson.title })),
      ]}
    />
  );
}

/** Schedules one airing of a television lesson, or a series built with the recurrence builder. */
export function Component() {
  const { t } = useTranslation('studioTv');
  const errorMessage = useTvErrorMessage();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const channels = useSchedulableChannels();
  const courses = usePublishedCourses();
  const changed = useBroadcastChanged();
  const zone = currentTimeZone();
  const [fields, setFields] = useState<SlotFields>({
    channelId: params.get('channel') ?? '',
    courseId: '',
    lessonId: '',
    day: dayKey(new Date()),
    start: '19:00',
    end: '19:45',
  });
  const [repeat, setRepeat] = useState<RecurrenceDraft>({
    frequency: 'none',
    weekdays: [],
    end: 'count',
    count: 4,
    until: '',
  });
  const [problems, setProblems] = useState<FieldProblem>({});
  const [submitted, setSubmitted] = useState(false);
  const channelId = fields.channelId || channels.items[0]?.id || '';
  const repeatProblem = recurrenceProblem(repeat, fields.day);
  const set = (change: Partial<SlotFields>) => setFields((current) => ({ ...current, ...change }));

  const create = useMutation({
    mutationFn: (body: {
      channelId: string;
      lessonId: string;
      startsAt: string;
      endsAt: string;
      recurrence?: string;
    }) => unwrap(api.POST('/api/v1/broadcasts', { body })),
    onSuccess: (created) => {
      changed();
      showToast({ color: 'teal', message: t('form.created', { count: created.series.length }) });
      void navigate(
        `/studio/television?channel=${created.channelId}&week=${weekOf(dayKey(created.startsAt))}`,
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found: FieldProblem = {};
    if (!channelId) found.channelId = t('form.problems.channel');
    if (!fields.courseId) found.courseId = t('form.problems.course');
    else if (!fields.lessonId) found.lessonId = t('form.problems.lesson');
    const slot = zonedSlot(fields.day, fields.start, fields.end, zone);
    if (!slot.ok) found[slot.field] = t(`form.problems.${slot.problem}`);
    setProblems(found);
    if (Object.keys(found).length > 0 || repeatProblem || !slot.ok) return;
    create.mutate({
      channelId,
      lessonId: fields.lessonId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      recurrence: toRrule(repeat),
    });
  };

  if (channels.isPending || courses.isPending) return <PageLoader />;
  if (channels.error) return <ApiErrorAlert error={channels.error} onRetry={channels.refetch} />;
  if (courses.isError)
    return <ApiErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />;
  const overlap = overlapDetails(create.error);
  const count = repeatProblem ? 0 : seriesDays(repeat, fields.day).length;

  return (
    <Stack maw={760} mx="auto" gap="md">
      <StudioNav />
      <Anchor component={Link} to="/studio/television" size="sm">
        {t('back')}
      </Anchor>
      <PageTitle>{t('form.title')}</PageTitle>
      <Text>{t('form.intro', { zone })}</Text>
      {channels.items.length === 0 ? (
        <Alert color="blue">{t('noChannels')}</Alert>
      ) : (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <NativeSelect
                label={t('form.channel')}
                value={channelId}
                error={problems.channelId}
                onChange={(event) => set({ channelId: event.currentTarget.value })}
                data={channels.items.map((channel) => ({ value: channel.id, label: channel.name }))}
              />
              <Select
                label={t('form.course')}
                description={t('form.courseHint')}
                placeholder={t('form.pickCourse')}
                searchable
                value={fields.courseId || null}
                error={problems.courseId}
                onChange={(value) => set({ courseId: value ?? '', lessonId: '' })}
                data={courses.data.items.map((course) => ({
                  value: course.id,
                  label: course.title,
                }))}
                nothingFoundMessage={t('form.pickCourse')}
              />
              {fields.courseId ? (
                <TelevisionLessonSelect
                  courseId={fields.courseId}
                  value={fields.lessonId}
                  error={problems.lessonId}
                  onChange={(lessonId) => set({ lessonId })}
                />
              ) : null}
              <Group gap="md" align="flex-start">
                <TextInput
                  type="date"
                  label={t('form.firstDay')}
                  value={fields.day}
                  error={problems.day}
                  onChange={(event) => set({ day: event.currentTarget.value })}
                  required
                />
                <TextInput
                  type="time"
                  label={t('form.startTime')}
                  value={fields.start}
                  error={problems.start}
                  onChange={(event) => set({ start: event.currentTarget.value })}
                  required
                />
                <TextInput
                  type="time"
                  label={t('form.endTime')}
                  value={fields.end}
                  error={problems.end}
                  onChange={(event) => set({ end: event.currentTarget.value })}
                  required
                />
              </Group>
              <RecurrenceBuilder
                draft={repeat}
                firstDay={fields.day}
                problem={submitted || repeat.frequency !== 'none' ? repeatProblem : null}
                onChange={setRepeat}
              />
              {overlap ? (
                <OverlapAlert overlap={overlap} />
              ) : create.error ? (
                <Alert color="red" role="alert">
                  {errorMessage(create.error)}
                </Alert>
              ) : null}
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {count > 1 ? t('form.submitSeries', { count }) : t('form.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
