import { Alert, Button, Checkbox, Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatPercent } from '../../format';
import { learnerKeys, type Lesson, type LessonProgress } from '../queries';
import { applyLessonResult } from './progress-cache';

interface Props {
  enrollmentId: string;
  lesson: Lesson;
  progress: LessonProgress | undefined;
  canLearn: boolean;
  onCourseCompleted: () => void;
}

type Answers = Record<string, string[]>;

/**
 * A quiz: attempts left, the answers, then score and pass or fail. The answers stay on the page
 * until the server has graded them: a dropped network says so and offers the same answers again.
 */
export function QuizLesson({ enrollmentId, lesson, progress, canLearn, onCourseCompleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const questions = lesson.questions ?? [];
  const made = progress?.attemptsMade ?? 0;
  const limit = lesson.attemptLimit;
  const left = limit === null ? null : Math.max(0, limit - made);
  const submit = useMutation({
    // Offline, fail at once and say so (the default would wait silently for the network).
    networkMode: 'always',
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/enrollments/{id}/lessons/{lessonId}/attempts', {
          params: { path: { id: enrollmentId, lessonId: lesson.id } },
          body: {
            answers: questions.map((question) => ({
              questionId: question.id,
              choiceIds: answers[question.id] ?? [],
            })),
          },
        }),
      ),
    onSuccess: (result) => {
      applyLessonResult(
        queryClient,
        enrollmentId,
        lesson.id,
        {
          attemptsMade: made + 1,
          bestScore: Math.max(result.score, progress?.bestScore ?? 0),
          ...(result.passed ? { status: 'completed' as const } : {}),
        },
        false,
      );
      void queryClient.invalidateQueries({ queryKey: learnerKeys.enrollment(enrollmentId) });
      void queryClient.invalidateQueries({ queryKey: learnerKeys.allEnrollments });
      if (result.passed) setAnswers({});
      void queryClient
        .fetchQuery({
          queryKey: learnerKeys.enrollment(enrollmentId),
          queryFn: () =>
            unwrap(api.GET('/api/v1/enrollments/{id}', { params: { path: { id: enrollmentId } } })),
        })
        .then((detail) => {
          if (detail.status === 'completed') onCourseCompleted();
        });
    },
  });
  const networkLost = submit.error instanceof ApiError && submit.error.status === 0;
  const passed = progress?.status === 'completed';
  const unanswered = questions.some((question) => !answers[question.id]?.length);
  const outOfAttempts = left !== null && left <= 0;

  return (
    <Stack gap="md">
      <Group gap="lg">
        <Text size="sm">
          {t('player.passMark', { percent: formatPercent(lesson.passMark ?? 0) })}
        </Text>
        <Text size="sm">
          {left === null
            ? t('player.attemptsUnlimited')
            : t('player.attemptsLeft', { count: left })}
        </Text>
        {progress?.bestScore !== null && progress?.bestScore !== undefined ? (
          <Text size="sm">
            {t('player.bestScore', { percent: formatPercent(progress.bestScore) })}
          </Text>
        ) : null}
      </Group>
      {submit.data ? (
        <Alert
          variant="filled"
          color={submit.data.passed ? 'teal.9' : 'dark.6'}
          role="status"
          title={submit.data.passed ? t('player.quizPassed') : t('player.quizFailed')}
        >
          {t('player.score', { percent: formatPercent(submit.data.score) })}
        </Alert>
      ) : null}
      {passed && !submit.data ? (
        <Alert variant="filled" color="teal.9" role="status">
          {t('player.quizAlreadyPassed')}
        </Alert>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!unanswered) submit.mutate();
        }}
      >
        <Stack gap="md">
          {questions.map((question, index) => {
            const legend = `${index + 1}. ${question.text}`;
            const chosen = answers[question.id] ?? [];
            const set = (value: string[]) =>
              setAnswers((current) => ({ ...current, [question.id]: value }));
            return (
              <Fieldset key={question.id} legend={legend} style={{ overflowWrap: 'anywhere' }}>
                {question.multiple ? (
                  <Checkbox.Group
                    value={chosen}
                    onChange={set}
                    description={t('player.chooseMany')}
                  >
                    <Stack gap="xs" mt="xs">
                      {question.choices.map((choice) => (
                        <Checkbox key={choice.id} value={choice.id} label={choice.text} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                ) : (
                  <Radio.Group
                    value={chosen[0] ?? null}
                    onChange={(value) => set([value])}
                    name={`q-${question.id}`}
                  >
                    <Stack gap="xs" mt="xs">
                      {question.choices.map((choice) => (
                        <Radio key={choice.id} value={choice.id} label={choice.text} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              </Fieldset>
            );
          })}
          {networkLost ? (
            <Alert variant="filled" color="dark.6" role="alert">
              <Group justify="space-between" gap="xs">
                <span>{t('player.answersKept')}</span>
                <Button
                  size="xs"
                  variant="white"
                  color="dark"
                  onClick={() => submit.mutate()}
                  loading={submit.isPending}
                >
                  {t('errors.retry')}
                </Button>
              </Group>
            </Alert>
          ) : submit.isError ? (
            <ApiErrorAlert error={submit.error} />
          ) : null}
          {canLearn && !outOfAttempts ? (
            <Group>
              <Button type="submit" loading={submit.isPending} disabled={unanswered}>
                {t('player.submitQuiz')}
              </Button>
              {unanswered ? <Text size="sm">{t('player.answerAll')}</Text> : null}
            </Group>
          ) : null}
          {outOfAttempts && !passed ? (
            <Alert variant="filled" color="gray.7">
              {t('errors.ATTEMPT_LIMIT_REACHED')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}
