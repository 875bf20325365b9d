import { Alert, Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { useStudioErrorMessage } from '../errors';
import { type CourseDetail, studioKeys } from '../queries';
import { ReviewActions } from './ReviewActions';

/** Why the course cannot be published (api: 422 COURSE_NOT_READY, `details.reasons`). */
interface NotReady {
  code:
    | 'NO_LESSONS'
    | 'NO_REQUIRED_LESSONS'
    | 'VIDEO_NOT_READY'
    | 'CMI5_WITHOUT_PACKAGE'
    | 'QUIZ_WITHOUT_QUESTIONS'
    | 'READING_WITHOUT_BODY';
  lessonId?: string;
}

const notReadyReasons = (error: unknown): NotReady[] | null =>
  error instanceof ApiError && error.code === 'COURSE_NOT_READY'
    ? ((error.details?.reasons as NotReady[] | undefined) ?? [])
    : null;

/**
 * Publishing: the course's state, the publish button, and when the api refuses, every reason at
 * once, each a link to what needs fixing. A facility admin of a course in review approves it or
 * returns it with a comment here too.
 */
export function PublishPanel({
  course,
  approver,
  requiresReview,
  onOpenLesson,
  onOpenContent,
}: {
  course: CourseDetail;
  approver: boolean;
  requiresReview: boolean;
  onOpenLesson: (lessonId: string) => void;
  onOpenContent: () => void;
}) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const publish = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/courses/{id}/publish', { params: { path: { id: course.id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studioKeys.course(course.id) }),
        queryClient.invalidateQueries({ queryKey: studioKeys.lists }),
      ]),
  });
  const reasons = notReadyReasons(publish.error);
  const lessons = new Map(
    course.sections.flatMap((section) => section.lessons.map((lesson) => [lesson.id, lesson])),
  );
  const goesToReview = requiresReview && !approver;
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t(`publish.state.${course.status}`)}
          </Title>
          {course.status === 'draft' ? (
            <>
              <Text>{goesToReview ? t('publish.reviewFirst') : t('publish.direct')}</Text>
              <Button
                onClick={() => publish.mutate()}
                loading={publish.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {goesToReview ? t('publish.submit') : t('publish.publish')}
              </Button>
            </>
          ) : null}
          {course.status === 'in_review' && !approver ? <Text>{t('publish.waiting')}</Text> : null}
          {course.status === 'published' ? <Text>{t('publish.live')}</Text> : null}
          {course.status === 'archived' ? <Text>{t('publish.archivedHint')}</Text> : null}
        </Stack>
      </Card>
      {reasons ? (
        <Alert color="red" variant="light" role="alert" title={t('publish.notReady')}>
          <List size="sm" spacing={4}>
            {reasons.map((reason, index) => {
              const lesson = reason.lessonId ? lessons.get(reason.lessonId) : undefined;
              return (
                <List.Item key={`${reason.code}-${reason.lessonId ?? index}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => (lesson ? onOpenLesson(lesson.id) : onOpenContent())}
                  >
                    {t(`publish.reason.${reason.code}`, { title: lesson?.title ?? '' })}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      ) : publish.isError ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(publish.error)}
        </Alert>
      ) : null}
      {publish.isSuccess ? (
        <Text c="teal.9" role="status">
          {publish.data.status === 'in_review' ? t('publish.submitted') : t('publish.published')}
        </Text>
      ) : null}
      {course.status === 'in_review' && approver ? <ReviewActions course={course} /> : null}
    </Stack>
  );
}
