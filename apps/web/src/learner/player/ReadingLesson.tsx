import { Button, Group, Stack, Text, Typography } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import type { Lesson, LessonProgress } from '../queries';
import { applyLessonResult } from './progress-cache';

interface Props {
  enrollmentId: string;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  canLearn: boolean;
  onCourseCompleted: () => void;
}

/** A reading: the server's sanitized HTML, and "mark as done". */
export function ReadingLesson({
  enrollmentId,
  lesson,
  progress,
  canLearn,
  onCourseCompleted,
}: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/complete', {
          params: { path: { id: enrollmentId, lessonId: lesson.id } },
        }),
      ),
    onSuccess: (result) => {
      applyLessonResult(
        queryClient,
        enrollmentId,
        lesson.id,
        { status: 'completed', completedAt: result.completedAt },
        result.courseCompleted,
      );
      if (result.courseCompleted) onCourseCompleted();
    },
  });
  const completedAt = progress?.completedAt ?? null;
  return (
    <Stack gap="md">
      <Typography style={{ overflowWrap: 'anywhere' }}>
        {/* Sanitized by the server when the author saved it: no scripts, handlers or javascript: links. */}
        <div dangerouslySetInnerHTML={{ __html: lesson.body ?? '' }} />
      </Typography>
      {done.isError ? <ApiErrorAlert error={done.error} onRetry={() => done.mutate()} /> : null}
      <Group>
        {completedAt ? (
          <Text c="teal.9" fw={600} role="status">
            {t('player.readDone', { date: formatDate(completedAt) })}
          </Text>
        ) : canLearn ? (
          <Button onClick={() => done.mutate()} loading={done.isPending}>
            {t('player.markDone')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
