import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useStudioErrorMessage } from '../errors';
import { studioKeys } from '../queries';

/** A facility admin's decision on a course in review: approve, or return it with a comment. */
export function ReviewActions({
  course,
  onDone,
}: {
  course: { id: string; title: string };
  onDone?: () => void;
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const settled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: studioKeys.course(course.id) }),
      queryClient.invalidateQueries({ queryKey: studioKeys.lists }),
    ]);
    onDone?.();
  };
  const approve = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/courses/{id}/approve', { params: { path: { id: course.id } } })),
    onSuccess: settled,
  });
  const giveBack = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/courses/{id}/return', {
          params: { path: { id: course.id } },
          body: { comment: comment.trim() },
        }),
      ),
    onSuccess: settled,
  });
  const failed = approve.error ?? giveBack.error;
  const titleId = `review-${course.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('review.decide', { title: course.title })}
        </Title>
        <Group>
          <Button color="teal.9" onClick={() => approve.mutate()} loading={approve.isPending}>
            {t('review.approve')}
          </Button>
        </Group>
        <Textarea
          label={t('review.comment')}
          description={t('review.commentHint')}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          error={missing ? t('rules.commentRequired') : null}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group>
          <Button
            variant="default"
            loading={giveBack.isPending}
            onClick={() => {
              setMissing(!comment.trim());
              if (comment.trim()) giveBack.mutate();
            }}
          >
            {t('review.return')}
          </Button>
        </Group>
        {failed ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(failed)}
          </Alert>
        ) : null}
        {approve.isSuccess ? (
          <Text c="teal.9" role="status">
            {t('review.approved')}
          </Text>
        ) : null}
        {giveBack.isSuccess ? (
          <Text c="teal.9" role="status">
            {t('review.returned')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
