import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';
import { formatDateTime, formatNumber } from '../../format';
import { ListPager } from '../../learner/ListPager';
import '../../studio/i18n';
import { useStudioErrorMessage } from '../../studio/errors';
import {
  COURSE_STATUSES,
  type CourseStatus,
  STUDIO_PAGE_SIZE,
  type StudioCourse,
  studioKeys,
  useStudioCourses,
  useStudioFacilities,
} from '../../studio/queries';
import { CourseStatusBadge } from '../../studio/StatusBadge';
import { StudioNav } from '../../studio/StudioNav';

const MAX_QUERY = 200;

/** The state, facility, search and page live in the address: a reload or the back button keeps them. */
function useCourseSearch() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') as CourseStatus | null;
  return {
    status: status && COURSE_STATUSES.includes(status) ? status : 'draft',
    facilityId: params.get('facilityId') ?? undefined,
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
    set(next: Record<string, string | undefined>) {
      const merged = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next))
        if (value) merged.set(key, value);
        else merged.delete(key);
      setParams(merged);
    },
  };
}

/** Asks before archiving: an archived course never comes back to the catalogue. */
function ArchiveDialog({ course, onClose }: { course: StudioCourse | null; onClose: () => void }) {
  const { t } = useTranslation('studio');
  const errorMessage = useStudioErrorMessage();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/courses/{id}/archive', { params: { path: { id } } })),
    onSuccess: async (_, id) => {
      showToast({ color: 'teal', message: t('courses.archived', { title: course?.title }) });
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: studioKeys.lists }),
        queryClient.invalidateQueries({ queryKey: studioKeys.course(id) }),
      ]);
    },
  });
  return (
    <Modal
      opened={course !== null}
      onClose={() => {
        archive.reset();
        onClose();
      }}
      title={t('courses.archiveTitle')}
      closeButtonProps={{ 'aria-label': t('courses.cancel') }}
    >
      <Stack>
        <Text>{t('courses.archiveBody', { title: course?.title })}</Text>
        {archive.isError ? (
          <Text c="red.9" role="alert">
            {errorMessage(archive.error)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('courses.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={archive.isPending}
            onClick={() => course && archive.mutate(course.id)}
          >
            {t('courses.archiveConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CourseTable({
  courses,
  onArchive,
}: {
  courses: StudioCourse[];
  onArchive: (course: StudioCourse) => void;
}) {
  const { t } = useTranslation('studio');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t('courses.table')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('courses.name')}</Table.Th>
            <Table.Th scope="col">{t('courses.facility')}</Table.Th>
            <Table.Th scope="col">{t('courses.updated')}</Table.Th>
            <Table.Th scope="col">{t('courses.learners')}</Table.Th>
            <Table.Th scope="col">{t('courses.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {courses.map((course) => (
            <Table.Tr key={course.id}>
              <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere' }}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/studio/courses/${course.id}`}>
                    {course.title}
                  </Anchor>
                  <Group gap={6}>
                    <CourseStatusBadge status={course.status} />
                    {course.code ? (
                      <Text size="xs" c="gray.7" component="span">
                        {course.code}
                      </Text>
                    ) : null}
                  </Group>
                </Stack>
              </Table.Th>
              <Table.Td>{course.facilityName}</Table.Td>
              <Table.Td>{formatDateTime(course.updatedAt)}</Table.Td>
              <Table.Td>{formatNumber(course.activeEnrollments)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component={Link}
                    to={`/studio/courses/${course.id}`}
                    size="compact-sm"
                    variant="light"
                    aria-label={t('courses.editNamed', { title: course.title })}
                  >
                    {t('courses.edit')}
                  </Button>
                  {course.status !== 'archived' ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      c="red.9"
                      aria-label={t('courses.archiveNamed', { title: course.title })}
                      onClick={() => onArchive(course)}
                    >
                      {t('courses.archive')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function Component() {
  const { t } = useTranslation('studio');
  const search = useCourseSearch();
  const [typed, setTyped] = useState(search.q);
  const [archiving, setArchiving] = useState<StudioCourse | null>(null);
  const facilities = useStudioFacilities();
  const courses = useStudioCourses({
    status: search.status,
    facilityId: search.facilityId,
    q: search.q || undefined,
    page: search.page,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.set({ q: typed.trim() || undefined, page: undefined });
  };
  const facilityList = facilities.data?.items ?? [];
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <StudioNav />
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('courses.title')}</PageTitle>
        {facilityList.length > 0 ? (
          <Button component={Link} to="/studio/new">
            {t('courses.create')}
          </Button>
        ) : null}
      </Group>
      <Text>{t('courses.intro')}</Text>
      {facilities.data && facilityList.length === 0 ? (
        <Card withBorder>
          <Text>{t('courses.noFacility')}</Text>
        </Card>
      ) : null}
      <form role="search" aria-label={t('courses.filters')} onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('courses.search')}
            value={typed}
            maxLength={MAX_QUERY}
            onChange={(event) => setTyped(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          {facilityList.length > 1 ? (
            <NativeSelect
              label={t('courses.facility')}
              value={search.facilityId ?? ''}
              onChange={(event) =>
                search.set({ facilityId: event.currentTarget.value || undefined, page: undefined })
              }
              data={[
                { value: '', label: t('courses.anyFacility') },
                ...facilityList.map((facility) => ({ value: facility.id, label: facility.name })),
              ]}
            />
          ) : null}
          <Button type="submit">{t('courses.searchButton')}</Button>
        </Group>
      </form>
      <Tabs
        value={search.status}
        onChange={(value) => search.set({ status: value ?? undefined, page: undefined })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('courses.states')}>
          {COURSE_STATUSES.map((status) => (
            <Tabs.Tab key={status} value={status}>
              {t(`status.${status}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {COURSE_STATUSES.map((status) => (
          <Tabs.Panel key={status} value={status} pt="md">
            <Stack gap="sm">
              {courses.isPending ? <PageLoader /> : null}
              {courses.isError ? (
                <ApiErrorAlert
                  error={courses.error}
                  onRetry={retryUnlessRefused(courses.error, () => void courses.refetch())}
                />
              ) : null}
              {courses.data ? (
                <Text size="sm" aria-live="polite">
                  {courses.data.total === 0
                    ? t(`courses.empty.${status}`)
                    : t('courses.results', { count: courses.data.total })}
                </Text>
              ) : null}
              {courses.data && courses.data.items.length > 0 ? (
                <CourseTable courses={courses.data.items} onArchive={setArchiving} />
              ) : null}
              {courses.data ? (
                <ListPager
                  page={search.page}
                  total={courses.data.total}
                  pageSize={STUDIO_PAGE_SIZE}
                  onChange={(page) => search.set({ page: String(page) })}
                />
              ) : null}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      <ArchiveDialog course={archiving} onClose={() => setArchiving(null)} />
    </Stack>
  );
}
