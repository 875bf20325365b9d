import { Anchor, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { InspectionFacts } from '../../inspections/InspectionParts';
import {
  INSPECTION_STATUSES,
  type InspectionStatus,
  PAGE_SIZE,
  useInspections,
} from '../../inspections/queries';
import { ListPager } from '../../learner/ListPager';
import { ManageNav } from '../../manage/ManageNav';

const isStatus = (value: string | null): value is InspectionStatus =>
  INSPECTION_STATUSES.includes(value as InspectionStatus);

/**
 * Supervisors' (and admins') inspections in their area (`/manage/inspections?status=&page=`),
 * the latest planned first, with the way to plan one and to the overdue follow-up actions.
 */
export function Component() {
  const { t } = useTranslation('inspections');
  const [search, setSearch] = useSearchParams();
  const asked = search.get('status');
  const status = isStatus(asked) ? asked : undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useInspections(status, page);
  const choose = (change: Record<string, string>) =>
    setSearch({ ...(status ? { status } : {}), ...change }, { replace: true });
  return (
    <Stack maw={960} mx="auto" gap="md">
      <ManageNav />
      <PageTitle>{t('list.title')}</PageTitle>
      <Text>{t('list.intro')}</Text>
      <Group>
        <Button component={Link} to="/manage/inspections/new">
          {t('list.plan')}
        </Button>
        <Button component={Link} to="/manage/inspections/overdue" variant="default">
          {t('list.overdue')}
        </Button>
      </Group>
      <NativeSelect
        label={t('list.status')}
        maw={260}
        value={status ?? ''}
        data={[
          { value: '', label: t('list.all') },
          ...INSPECTION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
        ]}
        onChange={(event) => choose({ status: event.currentTarget.value, page: '1' })}
      />
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data ? (
        <Text size="sm" aria-live="polite">
          {list.data.total === 0 ? t('list.empty') : t('list.count', { count: list.data.total })}
        </Text>
      ) : null}
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
            <Text size="sm">{t(`target.${item.targetType}`)}</Text>
            <InspectionFacts inspection={item} />
            <Anchor component={Link} to={`/manage/inspections/${item.id}`} size="sm">
              {t('list.open', { target: item.targetName })}
            </Anchor>
          </Stack>
        </Card>
      ))}
      {list.data ? (
        <ListPager
          page={page}
          total={list.data.total}
          pageSize={PAGE_SIZE}
          onChange={(next) => choose({ page: String(next) })}
        />
      ) : null}
    </Stack>
  );
}
