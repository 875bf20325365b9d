import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDay, formatTime } from '../../format';
import { ListPager } from '../../learner/ListPager';
import '../../studio/i18n';
import { type CourseLearner, STUDIO_PAGE_SIZE, useStudioFacilities } from '../../studio/queries';
import { StudioNav } from '../../studio/StudioNav';
import { useTvErrorMessage } from '../../studio/television/errors';
import '../../studio/television/i18n';
import {
  type GroupAttendanceResult,
  useBroadcast,
  useCourseOf,
  useGroupAttendance,
  VIEWING_FACILITY_TYPES,
} from '../../studio/television/queries';

const MAX_QUERY = 200;

/** The course's learners, searched and paged on the server (the learners panel's route). */
function useLearnerSearch(courseId: string | undefined, q: string, page: number) {
  return useQuery({
    queryKey: ['studio', 'course', courseId ?? '', 'learners', { q, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/courses/{id}/learners', {
          params: {
            path: { id: courseId ?? '' },
            query: { q: q || undefined, page, pageSize: STUDIO_PAGE_SIZE },
          },
        }),
      ),
    enabled: courseId !== undefined,
    placeholderData: keepPreviousData,
  });
}

function Outcome({
  result,
  names,
}: {
  result: GroupAttendanceResult;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('studioTv');
  const name = (userId: string) => names.get(userId) ?? userId;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcome-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="outcome-heading">
          {t('attendance.result')}
        </Title>
        <Text fw={600}>{t('attendance.recorded', { count: result.recorded.length })}</Text>
        {result.recorded.length > 0 ? (
          <List size="sm" aria-label={t('attendance.recorded', { count: result.recorded.length })}>
            {result.recorded.map((userId) => (
              <List.Item key={userId}>{name(userId)}</List.Item>
            ))}
          </List>
        ) : null}
        {result.skipped.length > 0 ? (
          <>
            <Text fw={600} c="red.9">
              {t('attendance.skipped', { count: result.skipped.length })}
            </Text>
            <List size="sm" aria-label={t('attendance.skipped', { count: result.skipped.length })}>
              {result.skipped.map((skip) => (
                <List.Item key={skip.userId}>
                  {t('attendance.skippedLine', {
                    name: name(skip.userId),
                    reason: t(`attendance.reasons.${skip.reason}`),
                  })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function LearnerRows({
  learners,
  ticked,
  onTick,
}: {
  learners: CourseLearner[];
  ticked: ReadonlyMap<string, string>;
  onTick: (learner: CourseLearner, on: boolean) => void;
}) {
  const { t } = useTranslation('studioTv');
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('attendance.table')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={90}>
              {t('attendance.present')}
            </Table.Th>
            <Table.Th scope="col">{t('attendance.learner')}</Table.Th>
            <Table.Th scope="col">{t('attendance.enrollment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {learners.map((learner) => (
            <Table.Tr key={learner.enrollmentId}>
              <Table.Td>
                <Checkbox
                  size="md"
                  checked={ticked.has(learner.userId)}
                  onChange={(event) => onTick(learner, event.currentTarget.checked)}
                  aria-label={t('attendance.presentNamed', { name: learner.fullName })}
                />
              </Table.Td>
              <Table.Th scope="row">
                <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {learner.fullName}
                </Text>
                <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                  {learner.email}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{t(`attendance.statuses.${learner.status}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Group attendance for one airing at a viewing facility: search the course's learners, tick who
 * watched in the room, record them, and read who was recorded and who was skipped, and why.
 */
export function Component() {
  const { t } = useTranslation('studioTv');
  const errorMessage = useTvErrorMessage();
  const { id = '' } = useParams();
  const broadcast = useBroadcast(id);
  const course = useCourseOf(broadcast.data?.courseId);
  const facilities = useStudioFacilities();
  const viewing = (facilities.data?.items ?? []).filter((facility) =>
    VIEWING_FACILITY_TYPES.includes(facility.type),
  );
  const [facilityId, setFacilityId] = useState('');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [ticked, setTicked] = useState<Map<string, string>>(new Map());
  const [noneTicked, setNoneTicked] = useState(false);
  // The names of everyone sent, so the outcome can name them after the ticks are cleared.
  const [sentNames, setSentNames] = useState<Map<string, string>>(new Map());
  const learners = useLearnerSearch(broadcast.data?.courseId, q, page);
  const record = useGroupAttendance(id);

  if (broadcast.isPending || facilities.isPending || (broadcast.data && course.isPending))
    return <PageLoader />;
  const loadError = broadcast.error ?? course.error ?? facilities.error;
  if (loadError || !broadcast.data || !course.data)
    return (
      <ApiErrorAlert
        error={loadError}
        onRetry={retryUnlessRefused(loadError, () => void broadcast.refetch())}
      />
    );
  const airing = broadcast.data;
  const lesson =
    course.data.sections
      .flatMap((section) => section.lessons)
      .find((item) => item.id === airing.lessonId)?.title ?? t('lesson');
  const chosenFacility = facilityId || viewing[0]?.id || '';

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
    setPage(1);
  };
  const tick = (learner: CourseLearner, on: boolean) => {
    setNoneTicked(false);
    setTicked((current) => {
      const next = new Map(current);
      if (on) next.set(learner.userId, learner.fullName);
      else next.delete(learner.userId);
      return next;
    });
  };
  const submit = () => {
    if (ticked.size === 0) {
      setNoneTicked(true);
      return;
    }
    const sent = new Map(ticked);
    record.mutate(
      { facilityId: chosenFacility, userIds: [...sent.keys()] },
      {
        onSuccess: () => {
          setSentNames(sent);
          setTicked(new Map());
        },
      },
    );
  };
  const data = learners.data;

  return (
    <Stack maw={960} mx="auto" gap="md">
      <StudioNav />
      <Anchor component={Link} to={`/studio/television/broadcasts/${id}`} size="sm">
        {t('code.back')}
      </Anchor>
      <PageTitle>{t('attendance.title', { lesson })}</PageTitle>
      <Text>
        {course.data.title} · {formatDay(airing.startsAt)}, {formatTime(airing.startsAt)}–
        {formatTime(airing.endsAt)}
      </Text>
      <Text size="sm">{t('attendance.intro')}</Text>
      {viewing.length === 0 ? (
        <Alert color="blue">{t('attendance.noFacility')}</Alert>
      ) : (
        <>
          {record.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(record.error)}
            </Alert>
          ) : null}
          {/* Present before the outcome arrives, so a screen reader hears it. */}
          <div aria-live="polite">
            {record.data ? <Outcome result={record.data} names={sentNames} /> : null}
          </div>
          <NativeSelect
            label={t('attendance.facility')}
            value={chosenFacility}
            onChange={(event) => setFacilityId(event.currentTarget.value)}
            data={viewing.map((facility) => ({ value: facility.id, label: facility.name }))}
            maw={520}
          />
          <form role="search" aria-label={t('attendance.searchForm')} onSubmit={search}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('attendance.search')}
                value={typed}
                maxLength={MAX_QUERY}
                onChange={(event) => setTyped(event.currentTarget.value)}
                style={{ flex: '1 1 16rem' }}
              />
              <Button type="submit" variant="default">
                {t('attendance.searchButton')}
              </Button>
            </Group>
          </form>
          {learners.isPending ? <PageLoader /> : null}
          {learners.isError ? (
            <ApiErrorAlert error={learners.error} onRetry={() => void learners.refetch()} />
          ) : null}
          {data ? (
            <Text size="sm" aria-live="polite">
              {data.total === 0
                ? q
                  ? t('attendance.emptySearch')
                  : t('attendance.empty')
                : t('attendance.results', { count: data.total })}
            </Text>
          ) : null}
          {data && data.items.length > 0 ? (
            <LearnerRows learners={data.items} ticked={ticked} onTick={tick} />
          ) : null}
          {data ? (
            <ListPager
              page={page}
              total={data.total}
              pageSize={STUDIO_PAGE_SIZE}
              onChange={setPage}
            />
          ) : null}
          <Paper withBorder p="sm">
            <Group justify="space-between" gap="sm">
              <Text size="sm" fw={600} aria-live="polite">
                {t('attendance.ticked', { count: ticked.size })}
              </Text>
              <Group gap="sm">
                {ticked.size > 0 ? (
                  <Button variant="subtle" onClick={() => setTicked(new Map())}>
                    {t('attendance.clear')}
                  </Button>
                ) : null}
                <Button onClick={submit} loading={record.isPending}>
                  {t('attendance.submit')}
                </Button>
              </Group>
            </Group>
            {noneTicked ? (
              <Text size="sm" c="red.9" role="alert" mt="xs">
                {t('attendance.noneTicked')}
              </Text>
            ) : null}
          </Paper>
        </>
      )}
    </Stack>
  );
}
