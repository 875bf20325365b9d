import { Alert, Anchor, Button, Grid, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatPercent } from '../format';
import { Cmi5Lesson } from '../learner/player/Cmi5Lesson';
import { Outline } from '../learner/player/Outline';
import { QuizLesson } from '../learner/player/QuizLesson';
import { ReadingLesson } from '../learner/player/ReadingLesson';
import { TelevisionLesson } from '../learner/player/TelevisionLesson';
import { VideoLesson } from '../learner/player/VideoLesson';
import { type Lesson, useCourse, useEnrollment } from '../learner/queries';

/** The course player: the outline with each lesson's status, and the lesson itself. */
/**
 * The learner's quiz, for the studio's "learner's view": the studio loads it through this page's
 * own chunk, so the player keeps it inside that chunk rather than in one more file to fetch.
 */
export { QuizLesson };

export function Component() {
  const { t } = useTranslation();
  const { enrollmentId = '', lessonId } = useParams();
  const enrollment = useEnrollment(enrollmentId);
  const course = useCourse(enrollment.data?.courseId);
  // The page is drawn from deferred data: React renders it in slices (see CoursePage).
  const enrollmentData = useDeferredValue(enrollment.data);
  const courseData = useDeferredValue(course.data);
  const [courseJustCompleted, setCourseJustCompleted] = useState(false);
  const onCourseCompleted = useCallback(() => setCourseJustCompleted(true), []);

  const lessons = useMemo<Lesson[]>(
    () => courseData?.sections.flatMap((section) => section.lessons) ?? [],
    [courseData],
  );
  const progress = useMemo(
    () => new Map((enrollmentData?.lessons ?? []).map((lesson) => [lesson.lessonId, lesson])),
    [enrollmentData],
  );
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = lessons[index];

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [lessonId]);

  const error = enrollment.error ?? course.error;
  if (error)
    return (
      <Stack maw={860} mx="auto">
        <PageTitle>{t('player.title')}</PageTitle>
        <ApiErrorAlert
          error={error}
          onRetry={() => void (enrollment.isError ? enrollment.refetch() : course.refetch())}
        />
        <Anchor component={Link} to="/learning">
          {t('player.backToLearning')}
        </Anchor>
      </Stack>
    );
  if (!enrollmentData || !courseData) return <PageLoader />;

  if (!lessonId || !lesson) {
    // "Continue": the first lesson not completed yet, else the first one.
    const next =
      lessons.find((item) => progress.get(item.id)?.status !== 'completed') ?? lessons[0];
    if (next) return <Navigate to={`/learning/${enrollmentId}/lessons/${next.id}`} replace />;
  }

  const detail = enrollmentData;
  const canLearn = detail.status === 'active' || detail.status === 'completed';
  const previous = lessons[index - 1];
  const following = lessons[index + 1];
  const lessonProps = {
    enrollmentId,
    progress: lesson ? progress.get(lesson.id) : undefined,
    canLearn,
    onCourseCompleted,
  };

  return (
    <Stack maw={1200} mx="auto" gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to="/learning" size="sm">
          {t('player.backToLearning')}
        </Anchor>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {courseData.title}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={detail.progressPercent}
            style={{ flex: 1 }}
            color={detail.status === 'completed' ? 'green' : 'blue'}
            aria-label={t('player.courseProgress')}
          />
          <Text size="sm" aria-live="polite">
            {formatPercent(detail.progressPercent)}
          </Text>
        </Group>
      </Stack>
      {courseJustCompleted || (detail.status === 'completed' && !lesson) ? (
        <Alert variant="filled" color="teal.9" role="status" title={t('player.courseCompleted')}>
          <Stack gap={4} align="flex-start">
            <Text size="sm">{t('player.certificateComing')}</Text>
            <Anchor component={Link} to="/certificates" size="sm" c="white" underline="always">
              {t('player.toCertificates')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      {!canLearn ? (
        <Alert variant="filled" color="gray.7">
          {t(`player.notLearning.${detail.status === 'waitlisted' ? 'waitlisted' : 'withdrawn'}`)}
        </Alert>
      ) : null}
      {lessons.length === 0 ? <Text>{t('player.noLessons')}</Text> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 1, md: 2 }}>
          {lesson ? (
            <Stack gap="md" component="article" aria-labelledby="lesson-title">
              <div>
                <Text size="sm">
                  {t(`player.kind.${lesson.kind}`)} ·{' '}
                  {t('player.lessonOf', { n: index + 1, total: lessons.length })}
                </Text>
                <PageTitle>{lesson.title}</PageTitle>
              </div>
              {lesson.kind === 'video' ? (
                canLearn ? (
                  <VideoLesson key={lesson.id} lesson={lesson} {...lessonProps} />
                ) : null
              ) : lesson.kind === 'reading' ? (
                <ReadingLesson key={lesson.id} lesson={lesson} {...lessonProps} />
              ) : lesson.kind === 'quiz' ? (
                <QuizLesson key={lesson.id} lesson={lesson} {...lessonProps} />
              ) : lesson.kind === 'cmi5' ? (
                <Cmi5Lesson key={lesson.id} lesson={lesson} {...lessonProps} />
              ) : (
                <TelevisionLesson key={lesson.id} lesson={lesson} {...lessonProps} />
              )}
              <Group justify="space-between" mt="md">
                {previous ? (
                  <Button
                    component={Link}
                    to={`/learning/${enrollmentId}/lessons/${previous.id}`}
                    variant="default"
                  >
                    {t('player.previous')}
                  </Button>
                ) : (
                  <span />
                )}
                {following ? (
                  <Button component={Link} to={`/learning/${enrollmentId}/lessons/${following.id}`}>
                    {t('player.next')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : (
            <PageTitle>{courseData.title}</PageTitle>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 2, md: 1 }}>
          <Title order={2} size="h4" mb="xs">
            {t('player.outline')}
          </Title>
          <Outline
            course={courseData}
            enrollmentId={enrollmentId}
            progress={progress}
            currentLessonId={lesson?.id}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
