import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { learnerKeys, type Lesson, type LessonProgress } from '../queries';

interface Props {
  enrollmentId: string;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  canLearn: boolean;
  onCourseCompleted: () => void;
}

/** How often the page asks whether the content has completed the lesson while it is open. */
const CHECK_EVERY_MS = 4000;

/**
 * A cmi5 lesson: launched on demand (a new session each time), shown in a frame of this page
 * (`AnyWindow`) or a window of its own (`OwnWindow`). The content reports to the LRS itself; the
 * page checks the enrollment until the lesson shows completed.
 */
export function Cmi5Lesson({ enrollmentId, lesson, progress, canLearn, onCourseCompleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const launch = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/lessons/{id}/cmi5-launch', { params: { path: { id: lesson.id } } })),
    onSuccess: (launched) => {
      if (launched.launchMethod === 'OwnWindow') window.open(launched.url, '_blank', 'noopener');
    },
  });
  const completedAt = progress?.completedAt ?? null;
  const open = launch.isSuccess && !completedAt;

  useEffect(() => {
    if (!open) return;
    const timer = window.setInterval(() => {
      void queryClient
        .fetchQuery({
          queryKey: learnerKeys.enrollment(enrollmentId),
          queryFn: () =>
            unwrap(api.GET('/api/v1/enrollments/{id}', { params: { path: { id: enrollmentId } } })),
          staleTime: 0,
        })
        .then((detail) => {
          if (detail.status === 'completed') onCourseCompleted();
        });
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [open, queryClient, enrollmentId, onCourseCompleted]);

  const noPackage =
    launch.error instanceof ApiError && launch.error.code === 'CMI5_PACKAGE_NOT_FOUND';
  return (
    <Stack gap="md">
      <Text>{t('player.cmi5.intro')}</Text>
      {completedAt ? (
        <Text c="teal.9" fw={600} role="status">
          {t('player.cmi5.completed', { date: formatDate(completedAt) })}
        </Text>
      ) : null}
      {noPackage ? (
        <Alert color="gray.7" variant="light">
          {t('player.cmi5.noPackage')}
        </Alert>
      ) : launch.isError ? (
        <ApiErrorAlert error={launch.error} onRetry={() => launch.mutate()} />
      ) : null}
      {canLearn ? (
        <Group>
          <Button onClick={() => launch.mutate()} loading={launch.isPending}>
            {launch.isSuccess || completedAt ? t('player.cmi5.reopen') : t('player.cmi5.open')}
          </Button>
        </Group>
      ) : null}
      {launch.isSuccess && launch.data.launchMethod === 'AnyWindow' ? (
        <Box
          component="iframe"
          key={launch.data.sessionId}
          src={launch.data.url}
          title={t('player.cmi5.frameTitle', { title: lesson.title })}
          allow="fullscreen"
          style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      ) : null}
      {launch.isSuccess && launch.data.launchMethod === 'OwnWindow' ? (
        <Text size="sm">{t('player.cmi5.ownWindow')}</Text>
      ) : null}
      {open ? (
        <Text size="sm" aria-live="polite">
          {t('player.cmi5.waiting')}
        </Text>
      ) : null}
    </Stack>
  );
}
