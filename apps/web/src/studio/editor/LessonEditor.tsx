import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Typography,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { PageLoader } from '../../components/PageLoader';
import type { Lesson } from '../../learner/queries';
import { useStudioErrorMessage } from '../errors';
import { type QuestionDraft, questionProblem } from '../quiz-draft';
import { studioKeys } from '../queries';
import { useUnsavedChanges } from '../unsaved';
import { Cmi5Panel } from './Cmi5Panel';
import { QuizBuilder, type QuizDraft, validPassMark } from './QuizBuilder';
import readingEditorStyles from './reading-editor.css?url';
import { VideoPanel } from './VideoPanel';

const WATCHED_KINDS = ['video', 'television'];

/** Resolves once the stylesheet at `href` has loaded (at once if it is already on the page). */
function stylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`stylesheet ${href} did not load`));
    // Last in <head>: after Mantine's own styles, which the editor's build on.
    document.head.append(link);
  });
}

/**
 * What the server keeps but the rich-text editor cannot hold (images, tables, sub- and
 * superscript, written as HTML before the editor existed): such a reading is edited as HTML, so
 * opening and saving it never drops them.
 */
const BEYOND_RICH_TEXT = 'img, table, figure, sub, sup';

function fitsRichText(html: string): boolean {
  return !new DOMParser().parseFromString(html, 'text/html').querySelector(BEYOND_RICH_TEXT);
}

/**
 * The rich-text editor (TipTap) and its styles, fetched together the first time a reading is
 * opened: the app's one stylesheet stays without them, and the editor never shows unstyled.
 */
const ReadingEditor = lazy(() =>
  Promise.all([import('./ReadingEditor'), stylesheet(readingEditorStyles)]).then(
    ([module]) => module,
  ),
);

function quizDraft(lesson: Lesson): QuizDraft {
  return {
    questions: (lesson.questions ?? []).map((question): QuestionDraft => ({
      text: question.text,
      multiple: question.multiple,
      choices: question.choices.map((choice) => ({
        text: choice.text,
        correct: choice.correct ?? false,
      })),
    })),
    passMark: lesson.passMark ?? 80,
    attemptLimit: lesson.attemptLimit ?? '',
  };
}

/**
 * One lesson: its title and whether it is required, then what its kind needs — the reading's
 * text with the learner's view of it as the server stored it, or the quiz builder.
 */
export function LessonEditor({
  courseId,
  lesson,
  editable,
}: {
  courseId: string;
  lesson: Lesson;
  editable: boolean;
}) {
  const { t } = useTranslation('studio');
  const { t: tApp } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const [title, setTitle] = useState(lesson.title);
  const [required, setRequired] = useState(lesson.required);
  const [threshold, setThreshold] = useState<number | string>(lesson.completionThreshold ?? 90);
  const [body, setBody] = useState(lesson.body ?? '');
  const [richText] = useState(() => fitsRichText(lesson.body ?? ''));
  const [quiz, setQuiz] = useState<QuizDraft>(() => quizDraft(lesson));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const quizProblems =
    lesson.kind === 'quiz' &&
    (quiz.questions.some((question) => questionProblem(question) !== null) ||
      !validPassMark(quiz.passMark));
  const titleMissing = !title.trim();
  const [savedAs, setSavedAs] = useState(() =>
    JSON.stringify({ title, required, threshold, body, quiz }),
  );
  useUnsavedChanges(
    `lesson-${lesson.id}`,
    JSON.stringify({ title, required, threshold, body, quiz }) !== savedAs,
  );

  const save = async () => {
    setTried(true);
    setSaved(false);
    if (titleMissing || quizProblems) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await unwrap(
        api.PATCH('/api/v1/lessons/{id}', {
          params: { path: { id: lesson.id } },
          body: {
            title: title.trim(),
            required,
            ...(WATCHED_KINDS.includes(lesson.kind)
              ? { completionThreshold: Number(threshold) }
              : {}),
            ...(lesson.kind === 'reading' ? { body } : {}),
            ...(lesson.kind === 'quiz'
              ? {
                  questions: quiz.questions.map((question) => ({
                    text: question.text.trim(),
                    multiple: question.multiple,
                    choices: question.choices.map((choice) => ({
                      text: choice.text.trim(),
                      correct: choice.correct,
                    })),
                  })),
                  passMark: Number(quiz.passMark),
                  attemptLimit: quiz.attemptLimit === '' ? null : Number(quiz.attemptLimit),
                }
              : {}),
          },
        }),
      );
      // The reading as the server kept it (sanitized): what the editor now holds, too.
      const kept = updated.body ?? body;
      setBody(kept);
      setSavedAs(JSON.stringify({ title, required, threshold, body: kept, quiz }));
      await queryClient.invalidateQueries({ queryKey: studioKeys.course(courseId) });
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const card = (
    <Card withBorder padding="md" component="section" aria-labelledby="lesson-editor-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="lesson-editor-title" style={{ overflowWrap: 'anywhere' }}>
            {t('lesson.heading', { title: lesson.title })}
          </Title>
          <Badge variant="outline" color="dark" tt="none">
            {tApp(`lessonKind.${lesson.kind}`)}
          </Badge>
        </Group>
        <TextInput
          label={t('lesson.title')}
          value={title}
          maxLength={200}
          readOnly={!editable}
          error={tried && titleMissing ? t('rules.lessonTitleRequired') : null}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Checkbox
          label={t('lesson.required')}
          description={t('lesson.requiredHint')}
          checked={required}
          disabled={!editable}
          onChange={(event) => setRequired(event.currentTarget.checked)}
        />
        {WATCHED_KINDS.includes(lesson.kind) ? (
          <>
            <NumberInput
              label={t('lesson.threshold')}
              description={t('lesson.thresholdHint')}
              min={1}
              max={100}
              suffix=" %"
              allowDecimal={false}
              readOnly={!editable}
              value={threshold}
              onChange={setThreshold}
            />
            {lesson.kind === 'television' ? (
              <Alert variant="filled" color="blue.9">
                <Text size="sm">
                  {t('lesson.televisionSchedule')}{' '}
                  <Anchor
                    component={Link}
                    to="/studio/television"
                    size="sm"
                    c="white"
                    underline="always"
                  >
                    {t('lesson.televisionLink')}
                  </Anchor>
                </Text>
              </Alert>
            ) : null}
          </>
        ) : null}
        {lesson.kind === 'reading' ? (
          <Tabs defaultValue="write" keepMounted={false}>
            <Tabs.List aria-label={t('reading.views')}>
              <Tabs.Tab value="write">{t('reading.write')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('reading.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              {richText ? (
                <Suspense fallback={<PageLoader />}>
                  <ReadingEditor value={body} onChange={setBody} editable={editable} />
                </Suspense>
              ) : (
                <Textarea
                  label={t('reading.htmlBody')}
                  description={t('reading.htmlHint')}
                  autosize
                  minRows={10}
                  maxRows={30}
                  maxLength={100_000}
                  readOnly={!editable}
                  value={body}
                  onChange={(event) => setBody(event.currentTarget.value)}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
              )}
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Stack gap="xs">
                <Text size="sm">{t('reading.previewHint')}</Text>
                {body !== (lesson.body ?? '') ? (
                  <Text size="sm" c="grape.9">
                    {t('reading.unsaved')}
                  </Text>
                ) : null}
                <Card withBorder padding="md">
                  {lesson.body ? (
                    <Typography style={{ overflowWrap: 'anywhere' }}>
                      {/* As the server sanitized it on saving: what learners are shown. */}
                      <div dangerouslySetInnerHTML={{ __html: lesson.body }} />
                    </Typography>
                  ) : (
                    <Text size="sm">{t('reading.nothingYet')}</Text>
                  )}
                </Card>
              </Stack>
            </Tabs.Panel>
          </Tabs>
        ) : null}
        {lesson.kind === 'quiz' ? (
          <QuizBuilder lesson={lesson} draft={quiz} showProblems={tried} onChange={setQuiz} />
        ) : null}
        {error ? (
          <Alert color="red" role="alert" variant="light">
            {errorMessage(error)}
          </Alert>
        ) : null}
        {editable ? (
          <Group>
            <Button onClick={() => void save()} loading={saving}>
              {t('lesson.save')}
            </Button>
            {saved ? (
              <Text size="sm" c="teal.9" role="status">
                {t('lesson.saved')}
              </Text>
            ) : null}
            {tried && quizProblems ? (
              <Text size="sm" c="red.9" role="alert">
                {t('quiz.fixProblems')}
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
  if (lesson.kind === 'cmi5')
    return (
      <Stack gap="md">
        {card}
        <Cmi5Panel lesson={lesson} editable={editable} />
      </Stack>
    );
  if (lesson.kind !== 'video') return card;
  return (
    <Stack gap="md">
      {card}
      <VideoPanel courseId={courseId} lesson={lesson} editable={editable} />
    </Stack>
  );
}
