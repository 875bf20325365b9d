import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { InspectionFacts } from '../../inspections/InspectionParts';
import { formatCalendarDay, PAGE_SIZE, useReceivedInspections } from '../../inspections/queries';
import { ListPager } from '../../learner/ListPager';
import { StudioNav } from '../../studio/StudioNav';

/**
 * The published inspection reports of the units the person answers for (`/studio/inspections`):
 * a facility's admins, an org unit's managers. The latest first.
 */
export function Component() {
  const { t } = useTranslation('inspections');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useReceivedInspections(page);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <StudioNav />
      <PageTitle>{t('inbox.title')}</PageTitle>
      <Text>{t('inbox.intro')}</Text>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data && list.data.total === 0 ? <Text>{t('inbox.empty')}</Text> : null}
      {list.data?.items.map((item) => (
        <Card
          key={item.id}
          withBorder
          padding="md"
          component="article"
          aria-label={item.targetName}
        >
          <Stack gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.targetName}
            </Text>
            <InspectionFacts inspection={item} />
            <Anchor component={Link} to={`/studio/inspections/${item.id}`} size="sm">
              {t('inbox.open', { day: formatCalendarDay(item.plannedOn) })}
            </Anchor>
          </Stack>
        </Card>
      ))}
      {list.data ? (
        <ListPager
          page={page}
          total={list.data.total}
          pageSize={PAGE_SIZE}
          onChange={(next) => setSearch({ page: String(next) }, { replace: true })}
        />
      ) : null}
    </Stack>
  );
}
