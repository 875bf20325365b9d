import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import '../../inspections/i18n';
import { formatCalendarDay, PAGE_SIZE, useOverdueActions } from '../../inspections/queries';
import { ListPager } from '../../learner/ListPager';
import { ManageNav } from '../../manage/ManageNav';

const DAY_MS = 86_400_000;

/** Whole days from a due day to today (both calendar days where the person is). */
const daysLate = (dueOn: string): number => {
  const today = new Date();
  const local = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(1, Math.round((local - Date.parse(`${dueOn}T00:00:00Z`)) / DAY_MS));
};

/** A supervisor's overdue follow-up actions (`/manage/inspections/overdue`), longest late first. */
export function Component() {
  const { t } = useTranslation('inspections');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useOverdueActions(page);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <ManageNav />
      <Anchor component={Link} to="/manage/inspections" size="sm">
        {t('overdue.back')}
      </Anchor>
      <PageTitle>{t('overdue.title')}</PageTitle>
      <Text>{t('overdue.intro')}</Text>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data ? (
        <Text size="sm" aria-live="polite">
          {list.data.total === 0
            ? t('overdue.empty')
            : t('overdue.count', { count: list.data.total })}
        </Text>
      ) : null}
      {list.data?.items.map((item) => (
        <Card key={item.id} withBorder padding="md" component="article" aria-label={item.title}>
          <Stack gap={4}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </Text>
            <Text size="sm">{item.targetName}</Text>
            <Text size="sm">{t('actions.ownerIs', { name: item.ownerName })}</Text>
            <Text size="sm" fw={600} c="red.9">
              {t('actions.due', { day: formatCalendarDay(item.dueOn) })} ·{' '}
              {t('overdue.late', { days: daysLate(item.dueOn) })}
            </Text>
            <Anchor component={Link} to={`/manage/inspections/${item.inspectionId}`} size="sm">
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
          onChange={(next) => setSearch({ page: String(next) }, { replace: true })}
        />
      ) : null}
    </Stack>
  );
}
