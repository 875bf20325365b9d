import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert, useErrorMessage } from '../../components/ApiErrorAlert';
import { useNow } from '../../components/use-now';
import { formatDay, formatTime } from '../../format';
import type { Broadcast, Lesson, LessonProgress } from '../queries';
import { applyLessonResult } from './progress-cache';
import { VideoLesson } from './VideoLesson';

const DAY = 86_400_000;

interface Props {
  enrollmentId: string;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  canLearn: boolean;
  onCourseCompleted: () => void;
}

/** The airing whose code a learner would type now: the latest one that has begun, else the next. */
function codeTarget(airings: readonly Broadcast[], now: number): Broadcast | undefined {
  const live = airings.filter((airing) => airing.status !== 'cancelled');
  const begun = live.filter((airing) => Date.parse(airing.startsAt) <= now);
  return begun[begun.length - 1] ?? live[0];
}

/**
 * A television lesson: when it airs next, the box for the code shown on screen during the
 * airing, and the replay once the facility attached one.
 */
export function TelevisionLesson(props: Props) {
  const { enrollmentId, lesson, progress, canLearn, onCourseCompleted } = props;
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [now] = useState(() => Date.now());
  const airings = useQuery({
    queryKey: ['lesson-airings', lesson.id],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/broadcasts', {
          params: {
            query: {
              lessonId: lesson.id,
              from: new Date(now - DAY).toISOString(),
              to: new Date(now + 90 * DAY).toISOString(),
              page: 1,
              pageSize: 20,
            },
          },
        }),
      ),
    refetchInterval: 5 * 60_000,
  });
  const channels = useQuery({
    queryKey: ['channels'],
    queryFn: () => unwrap(api.GET('/api/v1/channels')),
    staleTime: 60 * 60_000,
  });
  const channelName = (id: string) =>
    channels.data?.items.find((channel) => channel.id === id)?.name ?? '';
  // Which airing the code belongs to moves with the time (one begins, the next is announced).
  const at = useNow();
  const items = airings.data?.items ?? [];
  const target = codeTarget(items, at);
  const attend = useMutation({
    mutationFn: (broadcastId: string) =>
      unwrap(
        api.POST('/api/v1/broadcasts/{id}/attendance', {
          params: { path: { id: broadcastId } },
          body: { code: code.trim() },
        }),
      ),
    onSuccess: (result) => {
      setCode('');
      if (result.lessonCompleted)
        applyLessonResult(
          queryClient,
          enrollmentId,
          lesson.id,
          { status: 'completed' },
          result.courseCompleted,
        );
      if (result.courseCompleted) onCourseCompleted();
    },
  });
  const completed = progress?.status === 'completed';
  const upcoming = items.filter(
    (airing) => airing.status !== 'cancelled' && Date.parse(airing.endsAt) >= now,
  );

  const codeError = (() => {
    const error = attend.error;
    if (!(error instanceof ApiError)) return error ? message(error) : null;
    if (error.code === 'ATTENDANCE_CLOSED') {
      const reason = error.details?.reason;
      if (reason === 'not_started') return t('player.tv.notStarted');
      if (reason === 'cancelled') return t('player.tv.cancelled');
      return t('player.tv.closed');
    }
    if (error.code === 'ATTENDANCE_CODE_INVALID') return t('player.tv.codeInvalid');
    if (error.status === 429) {
      const seconds = Number(error.details?.retryAfterSeconds ?? 60);
      return t('player.tv.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    return null;
  })();

  return (
    <Stack gap="lg">
      <section aria-labelledby="airings-title">
        <Title order={2} size="h4" id="airings-title" mb="xs">
          {t('player.tv.nextAirings')}
        </Title>
        {airings.isError ? (
          <ApiErrorAlert error={airings.error} onRetry={() => void airings.refetch()} />
        ) : upcoming.length === 0 && !airings.isPending ? (
          <Text>{t('player.tv.noAirings')}</Text>
        ) : (
          <List spacing={4}>
            {upcoming.map((airing) => (
              <List.Item key={airing.id}>
                {t('player.tv.airing', {
                  day: formatDay(airing.startsAt),
                  start: formatTime(airing.startsAt),
                  end: formatTime(airing.endsAt),
                  channel: channelName(airing.channelId),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <Card withBorder component="section" aria-labelledby="code-title">
        <Title order={2} size="h4" id="code-title" mb="xs">
          {t('player.tv.codeTitle')}
        </Title>
        {completed ? (
          <Text c="teal.9" fw={600} role="status">
            {t('player.tv.attended')}
          </Text>
        ) : attend.data?.awaitingCheckQuiz ? (
          <Alert variant="filled" color="blue.8" role="status">
            {t('player.tv.awaitingQuiz')}
          </Alert>
        ) : canLearn ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (target && code.trim()) attend.mutate(target.id);
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('player.tv.codeHint')}</Text>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label={t('player.tv.codeLabel')}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value.toUpperCase())}
                  maxLength={20}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  error={codeError}
                  style={{ flex: '1 1 160px' }}
                  styles={{
                    input: { letterSpacing: '0.2em', fontWeight: 600, color: 'inherit' },
                    // Mantine's error red is 3.6:1 on white; AA needs 4.5:1.
                    error: { color: 'var(--mantine-color-red-9)' },
                  }}
                />
                <Button
                  type="submit"
                  mt={{ base: 0, xs: 25 }}
                  loading={attend.isPending}
                  disabled={!target || !code.trim()}
                >
                  {t('player.tv.submitCode')}
                </Button>
              </Group>
              {!target && !airings.isPending ? (
                <Text size="sm">{t('player.tv.noAirings')}</Text>
              ) : null}
            </Stack>
          </form>
        ) : null}
      </Card>

      {lesson.videoReady ? (
        <section aria-labelledby="replay-title">
          <Title order={2} size="h4" id="replay-title" mb="xs">
            {t('player.tv.replay')}
          </Title>
          <VideoLesson
            enrollmentId={enrollmentId}
            lesson={lesson}
            progress={progress}
            onCourseCompleted={onCourseCompleted}
          />
        </section>
      ) : null}
    </Stack>
  );
}
