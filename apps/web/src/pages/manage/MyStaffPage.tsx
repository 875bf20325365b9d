import {
  Alert,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { saveBlob } from '../../components/save-blob';
import { showToast } from '../../components/toasts';
import { formatNumber } from '../../format';
import { MANAGE_STAFF_NS } from '../../manage/staff/i18n';
import {
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  type StaffFilters,
  useManagedUnits,
  useStaffPages,
} from '../../manage/staff/queries';
import { ManageNav } from '../../manage/ManageNav';
import { StaffTable } from '../../manage/staff/StaffTable';
import { exportStaff } from '../../manage/staff/staff-export';
import { UnitTree } from '../../manage/staff/UnitTree';

const MAX_TEXT = 100;

/** The filters live in the address, so a reload, the back button or a shared link keeps them. */
function useStaffSearch() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  return {
    unit: params.get('unit') ?? undefined,
    q: params.get('q') ?? '',
    position: params.get('position') ?? '',
    status: ASSIGNMENT_STATUSES.includes(status as AssignmentStatus)
      ? (status as AssignmentStatus)
      : undefined,
    set: (next: Record<string, string | undefined>) => {
      const merged = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next))
        if (value) merged.set(key, value);
        else merged.delete(key);
      setParams(merged, { replace: true });
    },
  };
}

export function Component() {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const search = useStaffSearch();
  const units = useManagedUnits();
  const byId = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, unit])),
    [units.data],
  );
  const unitId = search.unit && byId.has(search.unit) ? search.unit : units.data?.[0]?.id;
  const filters: StaffFilters | null = unitId
    ? {
        orgUnitId: unitId,
        status: search.status,
        position: search.position || undefined,
        q: search.q || undefined,
      }
    : null;
  const staff = useStaffPages(filters);
  const [typed, setTyped] = useState({ q: search.q, position: search.position });
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const { set } = search;
  const selectUnit = useCallback((unit: string) => set({ unit }), [set]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = staff;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.set({ q: typed.q.trim() || undefined, position: typed.position.trim() || undefined });
  };
  const clear = () => {
    setTyped({ q: '', position: '' });
    search.set({ q: undefined, position: undefined, status: undefined });
  };
  const download = async () => {
    if (!filters) return;
    setExporting({ done: 0, total: 0 });
    try {
      const { file, count } = await exportStaff(filters, byId, t, (done, total) =>
        setExporting({ done, total }),
      );
      saveBlob(file, 'staff.csv');
      showToast({ color: 'teal', message: t('staff.exported', { count }) });
    } catch {
      showToast({ color: 'red', message: t('staff.exportFailed') });
    } finally {
      setExporting(null);
    }
  };

  const members = useMemo(
    () => staff.data?.pages.flatMap((page) => page.items) ?? [],
    [staff.data],
  );
  const total = staff.data?.pages[0]?.total ?? 0;
  const unitName = useCallback((id: string) => byId.get(id)?.name ?? '', [byId]);
  const filtered = Boolean(search.q || search.position || search.status);

  return (
    <Stack maw={1300} mx="auto" gap="md">
      <ManageNav />
      <PageTitle>{t('staff.title')}</PageTitle>
      <Text>{t('staff.intro')}</Text>
      {units.isPending ? <PageLoader /> : null}
      {units.isError ? (
        <ApiErrorAlert error={units.error} onRetry={() => void units.refetch()} />
      ) : null}
      {units.data?.length === 0 ? <Alert color="blue">{t('staff.noUnits')}</Alert> : null}
      {unitId ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder p="sm" style={{ maxHeight: '75vh', overflow: 'auto' }}>
              <UnitTree units={units.data ?? []} selectedId={unitId} onSelect={selectUnit} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="sm">
              <form role="search" aria-label={t('staff.filters')} onSubmit={submit}>
                <Group align="flex-end" gap="sm">
                  <TextInput
                    label={t('staff.search')}
                    description={t('staff.searchHint')}
                    value={typed.q}
                    maxLength={MAX_TEXT}
                    onChange={(event) => setTyped({ ...typed, q: event.currentTarget.value })}
                    style={{ flex: '1 1 14rem' }}
                  />
                  <TextInput
                    label={t('staff.position')}
                    description={t('staff.positionHint')}
                    value={typed.position}
                    maxLength={MAX_TEXT}
                    onChange={(event) =>
                      setTyped({ ...typed, position: event.currentTarget.value })
                    }
                    style={{ flex: '1 1 10rem' }}
                  />
                  <NativeSelect
                    label={t('staff.status')}
                    value={search.status ?? ''}
                    onChange={(event) =>
                      search.set({ status: event.currentTarget.value || undefined })
                    }
                    data={[
                      { value: '', label: t('staff.anyStatus') },
                      ...ASSIGNMENT_STATUSES.map((status) => ({
                        value: status,
                        label: t(`staff.assignment.${status}`),
                      })),
                    ]}
                  />
                  <Button type="submit">{t('staff.searchButton')}</Button>
                  {filtered ? (
                    <Button variant="default" onClick={clear}>
                      {t('staff.clear')}
                    </Button>
                  ) : null}
                </Group>
              </form>
              <Group justify="space-between" gap="sm">
                <Text aria-live="polite" fw={500}>
                  {t('staff.inUnit', { name: unitName(unitId) })} ·{' '}
                  {t('staff.total', { count: total, formatted: formatNumber(total) })}
                </Text>
                <Button
                  variant="light"
                  onClick={() => void download()}
                  loading={exporting !== null}
                  disabled={total === 0}
                >
                  {t('staff.export')}
                </Button>
              </Group>
              {exporting ? (
                <Text size="sm" aria-live="polite">
                  {t('staff.exporting', {
                    done: formatNumber(exporting.done),
                    total: formatNumber(exporting.total),
                  })}
                </Text>
              ) : null}
              {staff.isPending ? <PageLoader /> : null}
              {staff.isError ? (
                <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
              ) : null}
              {staff.isSuccess && total === 0 ? (
                <Alert color="blue">{filtered ? t('staff.empty') : t('staff.emptyUnit')}</Alert>
              ) : null}
              {members.length > 0 ? (
                <>
                  <StaffTable
                    members={members}
                    total={total}
                    unitName={unitName}
                    hasMore={Boolean(hasNextPage)}
                    loadMore={loadMore}
                  />
                  {members.length < total ? (
                    <Text size="sm" c="dimmed">
                      {t('staff.showing', {
                        shown: formatNumber(members.length),
                        total: formatNumber(total),
                      })}
                    </Text>
                  ) : null}
                </>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
