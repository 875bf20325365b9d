import { Alert, Anchor, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import '../../studio/i18n';
import { DetailsForm } from '../../studio/editor/DetailsForm';
import { LearnersPanel } from '../../studio/editor/LearnersPanel';
import { LessonEditor } from '../../studio/editor/LessonEditor';
import { Outline } from '../../studio/editor/Outline';
import { PublishPanel } from '../../studio/editor/PublishPanel';
import { useStudioCourse, useStudioFacilities } from '../../studio/queries';
import { CourseStatusBadge } from '../../studio/StatusBadge';
import { StudioNav } from '../../studio/StudioNav';
import { UnsavedChangesGuard } from '../../studio/unsaved';

const TABS = ['details', 'content', 'publish', 'learners'] as const;
type Tab = (typeof TABS)[number];

/** The editor's tab and lesson live in the address: a reload, a link or the back button keep them. */
function useEditorPlace() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') as Tab | null;
  return {
    tab: tab && TABS.includes(tab) ? tab : 'details',
    lessonId: params.get('lesson'),
    open(tab: Tab, lessonId?: string | null) {
      const next = new URLSearchParams(params);
      next.set('tab', tab);
      if (lessonId) next.set('lesson', lessonId);
      else if (lessonId === null) next.delete('lesson');
      setParams(next);
    },
  };
}

export function Component() {
  const { t } = useTranslation('studio');
  const { id = '' } = useParams();
  const place = useEditorPlace();
  const course = useStudioCourse(id);
  const facilities = useStudioFacilities();
  if (course.isPending) return <PageLoader />;
  if (course.isError)
    return (
      <ApiErrorAlert
        error={course.error}
        onRetry={retryUnlessRefused(course.error, () => void course.refetch())}
      />
    );
  const data = course.data;
  const facility = facilities.data?.items.find((item) => item.id === data.facilityId);
  const editable = data.status !== 'archived';
  const lessons = data.sections.flatMap((section) => section.lessons);
  const lesson = lessons.find((item) => item.id === place.lessonId) ?? null;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <StudioNav />
      {/* Tabs and the learners' filters keep every editor; another lesson or page drops edits. */}
      <UnsavedChangesGuard keeping={['tab', 'learnerStatus', 'learnerQ', 'learnerPage']} />
      <Anchor component={Link} to="/studio" size="sm">
        {t('editor.back')}
      </Anchor>
      <PageTitle>{data.title}</PageTitle>
      <Group gap="sm">
        <CourseStatusBadge status={data.status} />
        <Text size="sm">{data.facility?.name}</Text>
        {data.status === 'published' ? (
          <Anchor component={Link} to={`/courses/${data.id}`} size="sm">
            {t('editor.catalogueView')}
          </Anchor>
        ) : null}
      </Group>
      {data.status === 'archived' ? (
        <Alert color="gray.7" variant="filled">
          {t('editor.archived')}
        </Alert>
      ) : null}
      {data.reviewNote && data.status === 'draft' ? (
        <Alert color="grape.9" variant="filled" role="note">
          <Text size="sm" fw={600}>
            {t('editor.returned', { at: formatDateTime(data.reviewNote.at) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {data.reviewNote.comment}
          </Text>
        </Alert>
      ) : null}
      {data.status === 'in_review' ? (
        <Alert color="grape.9" variant="filled">
          {t('editor.inReview')}
        </Alert>
      ) : null}
      {/* Hidden panels stay mounted with their effects, so an unsaved form keeps guarding. */}
      <Tabs
        value={place.tab}
        onChange={(value) => place.open((value as Tab | null) ?? 'details')}
        keepMountedMode="display-none"
      >
        <Tabs.List aria-label={t('editor.parts')}>
          <Tabs.Tab value="details">{t('editor.details')}</Tabs.Tab>
          <Tabs.Tab value="content">{t('editor.content')}</Tabs.Tab>
          <Tabs.Tab value="publish">{t('editor.publish')}</Tabs.Tab>
          <Tabs.Tab value="learners">{t('editor.learners')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          {/* Re-created when someone else's change reaches this page: never half-merged. */}
          <DetailsForm key={data.id} course={data} readOnly={!editable} />
        </Tabs.Panel>
        <Tabs.Panel value="content" pt="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Outline
                course={data}
                editable={editable}
                selected={lesson?.id ?? null}
                onSelect={(lessonId) => place.open('content', lessonId)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {lesson ? (
                <LessonEditor
                  key={lesson.id}
                  courseId={data.id}
                  lesson={lesson}
                  editable={editable}
                />
              ) : (
                <Text>{lessons.length ? t('editor.pickLesson') : t('editor.startOutline')}</Text>
              )}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="publish" pt="md">
          <PublishPanel
            course={data}
            approver={facility?.approver ?? false}
            requiresReview={facility?.requiresReview ?? false}
            onOpenLesson={(lessonId) => place.open('content', lessonId)}
            onOpenContent={() => place.open('content', null)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="learners" pt="md">
          {place.tab === 'learners' ? (
            <LearnersPanel courseId={data.id} fileName={`learners-${data.code ?? data.id}`} />
          ) : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
