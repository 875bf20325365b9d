import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { saveBlob } from '../../components/save-blob';
import { showToast } from '../../components/toasts';
import { formatDate, formatDateTime, formatPercent } from '../../format';
import { ListPager } from '../../learner/ListPager';
import { useStudioErrorMessage } from '../errors';
import {
  type CourseLearner,
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  STUDIO_PAGE_SIZE,
  useCourseLearners,
} from '../queries';

const MAX_QUERY = 200;

/** Filled badges in AA-contrast shades. */
const STATUS_COLOR: Record<EnrollmentStatus, string> = {
  active: 'blue.9',
  completed: 'teal.9',
  waitlisted: 'grape.9',
  withdrawn: 'gray.7',
};

const CERTIFICATE_COLOR: Record<NonNullable<CourseLearner['certificate']>['status'], string> = {
  valid: 'teal.9',
  expired: 'pink.9',
  revoked: 'red.9',
};

/** Status, search and page live in the address beside the editor's tab: a reload keeps them. */
function useLearnerSearch() {
  const [params, setParams] = useSearchParams();
  const status = params.get('learnerStatus') as EnrollmentStatus | null;
  return {
    status: status && ENROLLMENT_STATUSES.includes(status) ? status : undefined,
    q: params.get('learnerQ') ?? '',
    page: Math.max(1, Number(params.get('learnerPage')) || 1),
    set(next: { learnerStatus?: string; learnerQ?: string; learnerPage?: string }) {
      const merged = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next))
        if (value) merged.set(key, value);
        else merged.delete(key);
      setParams(merged);
    },
  };
}

function LearnerStatus({ learner }: { learner: CourseLearner }) {
  const { t } = useTranslation('studio');
  return (
    <Badge color={STATUS_COLOR[learner.status]} variant="filled" tt="none">
      {learner.waitlistPosition !== null
        ? t('learners.waitingN', { position: learner.waitlistPosition })
        : t(`learners.statuses.${learner.status}`)}
    </Badge>
  );
}

function Person({ learner }: { learner: CourseLearner }) {
  return (
    <Stack gap={2}>
      <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {learner.fullName}
      </Text>
      <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
        {learner.email}
      </Text>
    </Stack>
  );
}

function LearnerProgress({ learner }: { learner: CourseLearner }) {
  const { t } = useTranslation('studio');
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={learner.progressPercent}
        color="teal.9"
        w={72}
        aria-label={t('learners.progressOf', { name: learner.fullName })}
      />
      <Text size="sm">{formatPercent(learner.progressPercent)}</Text>
    </Group>
  );
}

function LearnerCertificate({ learner }: { learner: CourseLearner }) {
  const { t } = useTranslation('studio');
  if (!learner.certificate) return t('learners.none');
  return (
    <Stack gap={2} align="flex-start">
      <Anchor href={`/verify/${learner.certificate.serial}`} size="sm" ff="monospace">
        {learner.certificate.serial}
      </Anchor>
      <Badge
        color={CERTIFICATE_COLOR[learner.certificate.status]}
        variant="filled"
        tt="none"
        size="sm"
      >
        {t(`learners.certificateStatus.${learner.certificate.status}`)}
      </Badge>
    </Stack>
  );
}

function LearnerTable({ learners }: { learners: CourseLearner[] }) {
  const { t } = useTranslation('studio');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('learners.table')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('learners.learner')}</Table.Th>
            <Table.Th scope="col">{t('learners.status')}</Table.Th>
            <Table.Th scope="col">{t('learners.progress')}</Table.Th>
            <Table.Th scope="col">{t('learners.completedAt')}</Table.Th>
            <Table.Th scope="col">{t('learners.certificate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {learners.map((learner) => (
            <Table.Tr key={learner.enrollmentId}>
              <Table.Th scope="row">
                <Person learner={learner} />
              </Table.Th>
              <Table.Td>
                <LearnerStatus learner={learner} />
              </Table.Td>
              <Table.Td miw={140}>
                <LearnerProgress learner={learner} />
              </Table.Td>
              <Table.Td>
                {learner.completedAt ? formatDate(learner.completedAt) : t('learners.none')}
              </Table.Td>
              <Table.Td>
                <LearnerCertificate learner={learner} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone, one card per learner: the same facts, read top to bottom, no sideways scroll. */
function LearnerCards({ learners }: { learners: CourseLearner[] }) {
  const { t } = useTranslation('studio');
  return (
    <Stack
      component="ul"
      gap="sm"
      p={0}
      m={0}
      aria-label={t('learners.table')}
      style={{ listStyle: 'none' }}
    >
      {learners.map((learner) => (
        <Card component="li" key={learner.enrollmentId} withBorder padding="sm">
          <Stack gap="xs">
            <Person learner={learner} />
            <Group>
              <LearnerStatus learner={learner} />
            </Group>
            <LearnerProgress learner={learner} />
            <Text size="sm">
              {t('learners.completedAt')}:{' '}
              {learner.completedAt ? formatDate(learner.completedAt) : t('learners.none')}
            </Text>
            <Group gap="xs" align="flex-start">
              <Text size="sm">{t('learners.certificate')}:</Text>
              <LearnerCertificate learner={learner} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** The waitlist: who gets the next free seat, and since when each one waits. */
function WaitlistTable({ learners }: { learners: CourseLearner[] }) {
  const { t } = useTranslation('studio');
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{t('learners.waitlistTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('learners.position')}</Table.Th>
            <Table.Th scope="col">{t('learners.learner')}</Table.Th>
            <Table.Th scope="col">{t('learners.waitingSince')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {learners.map((learner) => (
            <Table.Tr key={learner.enrollmentId}>
              <Table.Td>{learner.waitlistPosition}</Table.Td>
              <Table.Th scope="row">
                <Person learner={learner} />
              </Table.Th>
              <Table.Td>{formatDateTime(learner.enrolledAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The course's learners for its staff: status filter, search by name or email (with or without
 * diacritics), pages from the server, and the whole filtered list as CSV.
 */
export function LearnersPanel({ courseId, fileName }: { courseId: string; fileName: string }) {
  const { t } = useTranslation('studio');
  const errorMessage = useStudioErrorMessage();
  const search = useLearnerSearch();
  const [typed, setTyped] = useState(search.q);
  const roomy = useMediaQuery('(min-width: 48em)', true);
  const learners = useCourseLearners(courseId, {
    status: search.status,
    q: search.q || undefined,
    page: search.page,
  });
  const download = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/courses/{id}/learners.csv', {
          params: {
            path: { id: courseId },
            query: { status: search.status, q: search.q || undefined },
          },
          parseAs: 'blob',
        }),
      ),
    onSuccess: (blob) => saveBlob(blob, `${fileName}.csv`),
    onError: (error) => showToast({ color: 'red', message: errorMessage(error), autoClose: 8000 }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.set({ learnerQ: typed.trim() || undefined, learnerPage: undefined });
  };
  const data = learners.data;
  const empty =
    search.q !== ''
      ? t('learners.emptySearch')
      : search.status === 'waitlisted'
        ? t('learners.emptyWaitlist')
        : t('learners.empty');
  return (
    <Stack gap="sm">
      <Text component="h2" fw={600} size="lg">
        {t('learners.title')}
      </Text>
      <form role="search" aria-label={t('learners.filters')} onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('learners.search')}
            description={t('learners.searchHint')}
            value={typed}
            maxLength={MAX_QUERY}
            onChange={(event) => setTyped(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label={t('learners.status')}
            value={search.status ?? ''}
            onChange={(event) =>
              search.set({
                learnerStatus: event.currentTarget.value || undefined,
                learnerPage: undefined,
              })
            }
            data={[
              { value: '', label: t('learners.anyStatus') },
              ...ENROLLMENT_STATUSES.map((status) => ({
                value: status,
                label: t(`learners.statuses.${status}`),
              })),
            ]}
          />
          <Button type="submit">{t('learners.searchButton')}</Button>
          <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
            {t('learners.download')}
          </Button>
        </Group>
      </form>
      {learners.isPending ? <PageLoader /> : null}
      {learners.isError ? (
        <ApiErrorAlert
          error={learners.error}
          onRetry={retryUnlessRefused(learners.error, () => void learners.refetch())}
        />
      ) : null}
      {data ? (
        <Text size="sm" aria-live="polite">
          {data.total === 0 ? empty : t('learners.results', { count: data.total })}
        </Text>
      ) : null}
      {data && data.items.length > 0 ? (
        search.status === 'waitlisted' ? (
          <WaitlistTable learners={data.items} />
        ) : roomy ? (
          <LearnerTable learners={data.items} />
        ) : (
          <LearnerCards learners={data.items} />
        )
      ) : null}
      {data ? (
        <ListPager
          page={search.page}
          total={data.total}
          pageSize={STUDIO_PAGE_SIZE}
          onChange={(page) => search.set({ learnerPage: String(page) })}
        />
      ) : null}
    </Stack>
  );
}
