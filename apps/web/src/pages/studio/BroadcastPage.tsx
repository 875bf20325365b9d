import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { readableBadge } from '../../components/readable-badge';
import { showToast } from '../../components/toasts';
import { useNow } from '../../components/use-now';
import { currentTimeZone, dayKey, formatDate, formatDay, formatTime } from '../../format';
import '../../studio/i18n';
import type { CourseDetail } from '../../studio/queries';
import { StudioNav } from '../../studio/StudioNav';
import { overlapDetails, useTvErrorMessage } from '../../studio/television/errors';
import '../../studio/television/i18n';
import { OverlapAlert } from '../../studio/television/OverlapAlert';
import {
  type Broadcast,
  useAttachReplay,
  useBroadcast,
  useCancelBroadcast,
  useChannels,
  useCourseOf,
  useMoveBroadcast,
} from '../../studio/television/queries';
import { zonedSlot } from '../../studio/television/slot';

function MoveForm({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation('studioTv');
  const errorMessage = useTvErrorMessage();
  const zone = currentTimeZone();
  const move = useMoveBroadcast(broadcast.id);
  const [day, setDay] = useState(dayKey(broadcast.startsAt));
  const [start, setStart] = useState(formatTimeIn(broadcast.startsAt));
  const [end, setEnd] = useState(formatTimeIn(broadcast.endsAt));
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const slot = zonedSlot(day, start, end, zone);
    if (!slot.ok) {
      setProblem({ field: slot.field, text: t(`form.problems.${slot.problem}`) });
      return;
    }
    setProblem(null);
    move.mutate(
      { startsAt: slot.startsAt, endsAt: slot.endsAt },
      { onSuccess: () => showToast({ color: 'teal', message: t('airing.moved') }) },
    );
  };
  const overlap = overlapDetails(move.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="move-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="move-heading">
            {t('airing.move')}
          </Title>
          <Text size="sm">{t('airing.moveIntro')}</Text>
          <Group gap="md" align="flex-start">
            <TextInput
              type="date"
              label={t('airing.day')}
              value={day}
              onChange={(event) => setDay(event.currentTarget.value)}
              error={problem?.field === 'day' ? problem.text : undefined}
            />
            <TextInput
              type="time"
              label={t('form.startTime')}
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              error={problem?.field === 'start' ? problem.text : undefined}
            />
            <TextInput
              type="time"
              label={t('form.endTime')}
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              error={problem?.field === 'end' ? problem.text : undefined}
            />
          </Group>
          {overlap ? (
            <OverlapAlert overlap={overlap} />
          ) : move.error ? (
            <Alert color="red" role="alert">
              {errorMessage(move.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={move.isPending}>
              {t('airing.moveSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** 19:30 in the person's zone, as a time field holds it. */
function formatTimeIn(iso: string): string {
  return formatTime(iso).slice(0, 5);
}

function CancelAiring({ broadcast, lesson }: { broadcast: Broadcast; lesson: string }) {
  const { t } = useTranslation('studioTv');
  const errorMessage = useTvErrorMessage();
  const [open, setOpen] = useState(false);
  const cancel = useCancelBroadcast(broadcast.id);
  return (
    <>
      <Button color="red.9" variant="outline" onClick={() => setOpen(true)}>
        {t('airing.cancel')}
      </Button>
      <Modal
        opened={open}
        onClose={() => {
          cancel.reset();
          setOpen(false);
        }}
        title={t('airing.cancelTitle')}
        closeButtonProps={{ 'aria-label': t('airing.keep') }}
      >
        <Stack>
          <Text>
            {t('airing.cancelBody', {
              lesson,
              date: formatDate(broadcast.startsAt),
              time: formatTime(broadcast.startsAt),
            })}
          </Text>
          {cancel.isError ? (
            <Text c="red.9" role="alert">
              {errorMessage(cancel.error)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('airing.keep')}
            </Button>
            <Button
              color="red.9"
              loading={cancel.isPending}
              onClick={() =>
                cancel.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false);
                    showToast({ color: 'teal', message: t('airing.cancelledDone') });
                  },
                })
              }
            >
              {t('airing.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ReplayPanel({ broadcast, course }: { broadcast: Broadcast; course: CourseDetail }) {
  const { t } = useTranslation('studioTv');
  const errorMessage = useTvErrorMessage();
  const attach = useAttachReplay(broadcast.id, course.id);
  const lesson = course.sections
    .flatMap((section) => section.lessons)
    .find((item) => item.id === broadcast.lessonId);
  const videoId = lesson?.videoId ?? null;
  const attached = broadcast.replayVideoId !== null && broadcast.replayVideoId === videoId;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="replay-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="replay-heading">
          {t('airing.replay')}
        </Title>
        <Text size="sm">{t('airing.replayIntro')}</Text>
        {attached ? (
          <Alert color="teal" role="status">
            {t('airing.replayCurrent')}
          </Alert>
        ) : videoId === null ? (
          <Text size="sm">{t('airing.replayNone')}</Text>
        ) : lesson?.videoReady ? (
          <Text size="sm">{t('airing.replayReady')}</Text>
        ) : (
          <Text size="sm">{t('airing.replayNotReady')}</Text>
        )}
        {attach.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(attach.error)}
          </Alert>
        ) : null}
        <Group gap="sm">
          {videoId !== null && !attached ? (
            <Button
              loading={attach.isPending}
              disabled={!lesson?.videoReady}
              onClick={() =>
                attach.mutate(videoId, {
                  onSuccess: () =>
                    showToast({ color: 'teal', message: t('airing.replayAttached') }),
                })
              }
            >
              {t('airing.attachReplay')}
            </Button>
          ) : null}
          <Anchor
            component={Link}
            to={`/studio/courses/${course.id}?tab=content&lesson=${broadcast.lessonId}`}
            size="sm"
          >
            {t('airing.openLesson')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One airing for its course's staff: when and where, the code and attendance, move, cancel, replay. */
export function Component() {
  const { t } = useTranslation('studioTv');
  const { id = '' } = useParams();
  const now = useNow(15_000);
  const broadcast = useBroadcast(id);
  const course = useCourseOf(broadcast.data?.courseId);
  const channels = useChannels();
  if (broadcast.isPending || (broadcast.data && course.isPending)) return <PageLoader />;
  if (broadcast.isError || course.isError) {
    const error = broadcast.error ?? course.error;
    return (
      <ApiErrorAlert
        error={error}
        onRetry={retryUnlessRefused(error, () => {
          void broadcast.refetch();
          void course.refetch();
        })}
      />
    );
  }
  const airing = broadcast.data;
  const detail = course.data!;
  const lesson =
    detail.sections
      .flatMap((section) => section.lessons)
      .find((item) => item.id === airing.lessonId)?.title ?? t('lesson');
  const channel = channels.data?.items.find((item) => item.id === airing.channelId);
  const cancelled = airing.status === 'cancelled';
  const over = Date.parse(airing.endsAt) <= now;
  const onAir = !cancelled && Date.parse(airing.startsAt) <= now && !over;
  return (
    <Stack maw={960} mx="auto" gap="md">
      <StudioNav />
      <Anchor
        component={Link}
        to={`/studio/television?channel=${airing.channelId}&week=${dayKey(airing.startsAt)}`}
        size="sm"
      >
        {t('back')}
      </Anchor>
      <PageTitle>{t('airing.title', { lesson })}</PageTitle>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Badge {...readableBadge(cancelled ? 'red' : onAir ? 'teal' : 'blue')}>
              {onAir ? t('airing.onAir') : t(`airing.statuses.${airing.status}`)}
            </Badge>
            {airing.seriesId ? <Text size="sm">{t('airing.series')}</Text> : null}
          </Group>
          <Text>
            <Text span fw={600}>
              {t('airing.when')}:{' '}
            </Text>
            {formatDay(airing.startsAt)}, {formatTime(airing.startsAt)}–{formatTime(airing.endsAt)}
          </Text>
          <Text>
            <Text span fw={600}>
              {t('airing.channel')}:{' '}
            </Text>
            {channel?.name ?? ''}
          </Text>
          <Text style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              {t('course')}:{' '}
            </Text>
            <Anchor component={Link} to={`/studio/courses/${detail.id}`}>
              {detail.title}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
      {cancelled ? (
        <Alert color="gray.7" variant="filled">
          {t('airing.cancelledNote')}
        </Alert>
      ) : (
        <Group gap="sm">
          <Button component={Link} to={`/studio/television/broadcasts/${airing.id}/code`}>
            {t('airing.showCode')}
          </Button>
          <Button
            component={Link}
            to={`/studio/television/broadcasts/${airing.id}/attendance`}
            variant="light"
          >
            {t('airing.groupAttendance')}
          </Button>
        </Group>
      )}
      {!cancelled && over ? <Text size="sm">{t('airing.aired')}</Text> : null}
      {!cancelled && !over ? (
        <>
          <MoveForm key={airing.revision} broadcast={airing} />
          <Group>
            <CancelAiring broadcast={airing} lesson={lesson} />
          </Group>
        </>
      ) : null}
      {!cancelled ? <ReplayPanel broadcast={airing} course={detail} /> : null}
    </Stack>
  );
}
