import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { formatDate, formatPercent } from '../format';
import { ListPager } from '../learner/ListPager';
import { type MyEnrollment, PAGE_SIZE, useMyEnrollments } from '../learner/queries';

const STATUS_COLOR: Record<MyEnrollment['status'], string> = {
  active: 'blue.8',
  waitlisted: 'violet.8',
  completed: 'teal.9',
  withdrawn: 'gray.7',
};

function EnrollmentCard({ enrollment }: { enrollment: MyEnrollment }) {
  const { t } = useTranslation();
  const archived = enrollment.courseStatus === 'archived';
  const canLearn = enrollment.status === 'active' || enrollment.status === 'completed';
  const titleId = `enrollment-${enrollment.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text id={titleId} component="h2" fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {enrollment.courseTitle || t('learning.untitled')}
          </Text>
          <Group gap={6}>
            <Badge color={STATUS_COLOR[enrollment.status]} variant="filled">
              {t(`learning.status.${enrollment.status}`)}
            </Badge>
            {archived ? (
              <Badge color="gray.8" variant="outline">
                {t('learning.archived')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Progress
          value={enrollment.progressPercent}
          color={enrollment.status === 'completed' ? 'green' : 'blue'}
          aria-label={t('learning.progressOf', { title: enrollment.courseTitle })}
          size="lg"
        />
        <Text size="sm">
          {t('learning.progress', { percent: formatPercent(enrollment.progressPercent) })}
          {' · '}
          {enrollment.completedAt
            ? t('learning.completedOn', { date: formatDate(enrollment.completedAt) })
            : t('learning.enrolledOn', { date: formatDate(enrollment.enrolledAt) })}
        </Text>
        {enrollment.status === 'waitlisted' ? (
          <Text size="sm">{t('learning.waitlistedHint')}</Text>
        ) : null}
        {enrollment.status === 'withdrawn' ? (
          <Text size="sm">{t('learning.withdrawnHint')}</Text>
        ) : null}
        {archived && canLearn ? <Text size="sm">{t('learning.archivedHint')}</Text> : null}
        <Group gap="sm">
          {canLearn ? (
            <Button
              component={Link}
              to={`/learning/${enrollment.id}`}
              variant={enrollment.status === 'completed' ? 'light' : 'filled'}
              aria-label={`${enrollment.status === 'completed' ? t('learning.review') : t('learning.continue')}: ${enrollment.courseTitle}`}
            >
              {enrollment.status === 'completed' ? t('learning.review') : t('learning.continue')}
            </Button>
          ) : null}
          {!archived ? (
            <Anchor component={Link} to={`/courses/${enrollment.courseId}`} size="sm">
              {t('learning.coursePage')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const enrollments = useMyEnrollments(page);
  return (
    <Stack maw={860} mx="auto" gap="md">
      <PageTitle>{t('learning.title')}</PageTitle>
      {enrollments.isPending ? <PageLoader /> : null}
      {enrollments.isError ? (
        <ApiErrorAlert error={enrollments.error} onRetry={() => void enrollments.refetch()} />
      ) : null}
      {enrollments.data && enrollments.data.total === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('learning.empty')}</Text>
            <Button component={Link} to="/courses">
              {t('learning.findCourse')}
            </Button>
          </Stack>
        </Card>
      ) : null}
      {enrollments.data?.items.map((enrollment) => (
        <EnrollmentCard key={enrollment.id} enrollment={enrollment} />
      ))}
      {enrollments.data ? (
        <ListPager
          page={page}
          total={enrollments.data.total}
          pageSize={PAGE_SIZE}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
