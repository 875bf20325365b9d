import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import { ListPager } from '../../learner/ListPager';
import '../../studio/i18n';
import { ReviewActions } from '../../studio/editor/ReviewActions';
import { STUDIO_PAGE_SIZE, useReviewQueue } from '../../studio/queries';
import { ReviewPolicySwitches } from '../../studio/ReviewPolicySwitches';
import { StudioNav } from '../../studio/StudioNav';

/** A facility admin's review queue: courses waiting for approval, the longest waiting first. */
export function Component() {
  const { t } = useTranslation('studio');
  const [page, setPage] = useState(1);
  const queue = useReviewQueue(page);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <StudioNav />
      <PageTitle>{t('review.title')}</PageTitle>
      <Text>{t('review.intro')}</Text>
      <ReviewPolicySwitches />
      {queue.isPending ? <PageLoader /> : null}
      {queue.isError ? (
        <ApiErrorAlert
          error={queue.error}
          onRetry={retryUnlessRefused(queue.error, () => void queue.refetch())}
        />
      ) : null}
      {queue.data ? (
        <Text size="sm" aria-live="polite">
          {queue.data.total === 0
            ? t('review.empty')
            : t('review.waiting', { count: queue.data.total })}
        </Text>
      ) : null}
      {queue.data?.items.map((course) => (
        <Card key={course.id} withBorder padding="md" component="article" aria-label={course.title}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Anchor
                  component={Link}
                  to={`/studio/courses/${course.id}?tab=content`}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {course.title}
                </Anchor>
                <Text size="sm">
                  {course.facilityName} ·{' '}
                  {t('review.since', { at: formatDateTime(course.updatedAt) })}
                </Text>
              </Stack>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {course.summary}
            </Text>
            <ReviewActions course={course} />
          </Stack>
        </Card>
      ))}
      {queue.data ? (
        <ListPager
          page={page}
          total={queue.data.total}
          pageSize={STUDIO_PAGE_SIZE}
          onChange={setPage}
        />
      ) : null}
    </Stack>
  );
}
