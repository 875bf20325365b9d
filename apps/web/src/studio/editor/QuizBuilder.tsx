import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../components/PageLoader';
import type { Lesson } from '../../learner/queries';
import {
  blankQuestion,
  MAX_CHOICES,
  MAX_QUESTIONS,
  type QuestionDraft,
  questionProblem,
  withMultiple,
} from '../quiz-draft';

/** The learner's own quiz component, fetched with the player's chunk when first shown. */
const QuizLesson = lazy(() =>
  import('../../pages/PlayerPage').then((module) => ({ default: module.QuizLesson })),
);

export interface QuizDraft {
  questions: QuestionDraft[];
  passMark: number | string;
  attemptLimit: number | string;
}

function Cross() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      aria-hidden="true"
    >
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  );
}

function QuestionCard({
  index,
  question,
  showProblems,
  onChange,
  onRemove,
}: {
  index: number;
  question: QuestionDraft;
  showProblems: boolean;
  onChange: (question: QuestionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('studio');
  const problem = showProblems ? questionProblem(question) : null;
  const number = index + 1;
  const setChoice = (at: number, change: Partial<QuestionDraft['choices'][number]>) =>
    onChange({
      ...question,
      choices: question.choices.map((choice, i) => (i === at ? { ...choice, ...change } : choice)),
    });
  const markCorrect = (at: number, correct: boolean) =>
    onChange({
      ...question,
      choices: question.choices.map((choice, i) =>
        question.multiple
          ? i === at
            ? { ...choice, correct }
            : choice
          : { ...choice, correct: i === at },
      ),
    });
  return (
    <Card withBorder component="fieldset" padding="sm" m={0}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4} size="h5" component="legend">
            {t('quiz.question', { number })}
          </Title>
          <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove}>
            {t('quiz.removeQuestion', { number })}
          </Button>
        </Group>
        <TextInput
          label={t('quiz.questionText', { number })}
          value={question.text}
          maxLength={1000}
          onChange={(event) => onChange({ ...question, text: event.currentTarget.value })}
        />
        <Switch
          label={t('quiz.multiple')}
          checked={question.multiple}
          onChange={(event) => onChange(withMultiple(question, event.currentTarget.checked))}
        />
        <Text size="sm" id={`q${number}-choices`}>
          {question.multiple ? t('quiz.markCorrectMany') : t('quiz.markCorrectOne')}
        </Text>
        {question.choices.map((choice, at) => {
          const name = t('quiz.choice', { number: at + 1, question: number });
          return (
            <Group key={at} gap="xs" wrap="nowrap" align="center">
              {question.multiple ? (
                <Checkbox
                  aria-label={t('quiz.correctOf', { choice: name })}
                  checked={choice.correct}
                  onChange={(event) => markCorrect(at, event.currentTarget.checked)}
                />
              ) : (
                <Radio
                  aria-label={t('quiz.correctOf', { choice: name })}
                  name={`q${number}-correct`}
                  checked={choice.correct}
                  onChange={() => markCorrect(at, true)}
                />
              )}
              <TextInput
                aria-label={name}
                value={choice.text}
                maxLength={500}
                onChange={(event) => setChoice(at, { text: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red.9"
                aria-label={t('quiz.removeChoice', { choice: name })}
                disabled={question.choices.length <= 2}
                onClick={() =>
                  onChange({ ...question, choices: question.choices.filter((_, i) => i !== at) })
                }
              >
                <Cross />
              </ActionIcon>
            </Group>
          );
        })}
        {question.choices.length < MAX_CHOICES ? (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() =>
                onChange({
                  ...question,
                  choices: [...question.choices, { text: '', correct: false }],
                })
              }
            >
              {t('quiz.addChoice', { number })}
            </Button>
          </Group>
        ) : null}
        {problem ? (
          <Text size="sm" c="red.9" role="alert">
            {t(problem)}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * Questions (single or multiple choice), the pass mark and the attempt limit, with the learner's
 * view of the quiz as it stands (their page's own component, with nothing to submit).
 */
export function QuizBuilder({
  lesson,
  draft,
  showProblems,
  onChange,
}: {
  lesson: Lesson;
  draft: QuizDraft;
  showProblems: boolean;
  onChange: (draft: QuizDraft) => void;
}) {
  const { t } = useTranslation('studio');
  const view = useViewSwitch();
  const setQuestion = (at: number, question: QuestionDraft) =>
    onChange({
      ...draft,
      questions: draft.questions.map((q, i) => (i === at ? question : q)),
    });
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('quiz.view')}
        value={view.value}
        onChange={view.set}
        data={[
          { value: 'edit', label: t('quiz.edit') },
          { value: 'learner', label: t('quiz.learnerView') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view.value === 'learner' ? (
        <Card withBorder padding="md">
          <Suspense fallback={<PageLoader />}>
            <QuizLesson
              enrollmentId=""
              lesson={learnerView(lesson, draft)}
              progress={undefined}
              canLearn={false}
              onCourseCompleted={() => undefined}
            />
          </Suspense>
        </Card>
      ) : (
        <>
          <Group grow align="flex-start">
            <NumberInput
              label={t('quiz.passMark')}
              description={t('quiz.passMarkHint')}
              min={0}
              max={100}
              allowDecimal={false}
              suffix=" %"
              value={draft.passMark}
              error={
                showProblems && !validPassMark(draft.passMark) ? t('quiz.problem.passMark') : null
              }
              onChange={(passMark) => onChange({ ...draft, passMark })}
            />
            <NumberInput
              label={t('quiz.attemptLimit')}
              description={t('quiz.attemptLimitHint')}
              min={1}
              allowDecimal={false}
              value={draft.attemptLimit}
              onChange={(attemptLimit) => onChange({ ...draft, attemptLimit })}
            />
          </Group>
          {draft.questions.length === 0 ? <Text size="sm">{t('quiz.noQuestions')}</Text> : null}
          {draft.questions.map((question, at) => (
            <QuestionCard
              key={at}
              index={at}
              question={question}
              showProblems={showProblems}
              onChange={(next) => setQuestion(at, next)}
              onRemove={() =>
                onChange({ ...draft, questions: draft.questions.filter((_, i) => i !== at) })
              }
            />
          ))}
          {draft.questions.length < MAX_QUESTIONS ? (
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  onChange({ ...draft, questions: [...draft.questions, blankQuestion()] })
                }
              >
                {t('quiz.addQuestion')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function useViewSwitch() {
  const [value, setValue] = useState<'edit' | 'learner'>('edit');
  return { value, set: (next: string) => setValue(next === 'learner' ? 'learner' : 'edit') };
}

export const validPassMark = (value: number | string): boolean =>
  value !== '' && Number.isInteger(Number(value)) && Number(value) >= 0 && Number(value) <= 100;

/** The quiz as a learner receives it: questions and choices with ids, never `correct`. */
function learnerView(lesson: Lesson, draft: QuizDraft): Lesson {
  return {
    ...lesson,
    passMark: Number(draft.passMark) || 0,
    attemptLimit: draft.attemptLimit === '' ? null : Number(draft.attemptLimit),
    questions: draft.questions.map((question, q) => ({
      id: `preview-${q}`,
      text: question.text,
      multiple: question.multiple,
      choices: question.choices.map((choice, c) => ({
        id: `preview-${q}-${c}`,
        text: choice.text,
      })),
    })),
  };
}
