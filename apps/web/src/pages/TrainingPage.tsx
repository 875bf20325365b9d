import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { ListPager } from '../learner/ListPager';
import { type Assignment, learnerKeys, PAGE_SIZE } from '../learner/queries';

const STATUS_COLOR: Record<Assignment['status'], string> = {
  overdue: 'red.9',
  expired: 'pink.9',
  in_progress: 'blue.8',
  assigned: 'indigo.8',
  completed: 'teal.9',
};

function AssignmentCard({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const titleId = `assignment-${assignment.id}`;
  const history = assignment.closedAt !== null;
  const target = assignment.enrollmentId
    ? `/learning/${assignment.enrollmentId}`
    : `/courses/${assignment.courseId}`;
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={titleId}
      padding="md"
      style={
        assignment.status === 'overdue' ? { borderColor: 'var(--mantine-color-red-7)' } : undefined
      }
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text id={titleId} component="h2" fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {assignment.title}
          </Text>
          <Badge color={STATUS_COLOR[assignment.status]} variant="filled">
            {t(`training.status.${assignment.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {assignment.dueAt
            ? t(assignment.status === 'overdue' ? 'training.wasDue' : 'training.due', {
                date: formatDate(assignment.dueAt),
              })
            : t('training.noDue')}
          {' · '}
          {t('training.assignedOn', { date: formatDate(assignment.assignedAt) })}
        </Text>
        {assignment.completedAt ? (
          <Text size="sm">
            {t('training.completedOn', { date: formatDate(assignment.completedAt) })}
            {assignment.expiresAt
              ? ` · ${t('training.validUntil', { date: formatDate(assignment.expiresAt) })}`
              : ''}
          </Text>
        ) : null}
        {history ? <Text size="sm">{t('training.history')}</Text> : null}
        {!history ? (
          <Group>
            <Button
              component={Link}
              to={target}
              variant={assignment.status === 'completed' ? 'light' : 'filled'}
              aria-label={`${assignment.enrollmentId ? t('training.openCourse') : t('training.viewCourse')}: ${assignment.title}`}
            >
              {assignment.enrollmentId ? t('training.openCourse') : t('training.viewCourse')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const assignments = useQuery({
    queryKey: learnerKeys.assignments(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/me/assignments', {
          params: { query: { page, pageSize: PAGE_SIZE, sort: 'due' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack maw={860} mx="auto" gap="md">
      <PageTitle>{t('training.title')}</PageTitle>
      <Text>{t('training.intro')}</Text>
      {assignments.isPending ? <PageLoader /> : null}
      {assignments.isError ? (
        <ApiErrorAlert error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : null}
      {assignments.data?.total === 0 ? <Text>{t('training.empty')}</Text> : null}
      {assignments.data?.items.map((assignment) => (
        <AssignmentCard key={assignment.id} assignment={assignment} />
      ))}
      {assignments.data ? (
        <ListPager
          page={page}
          total={assignments.data.total}
          pageSize={PAGE_SIZE}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
