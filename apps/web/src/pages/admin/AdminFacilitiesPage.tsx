import {
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { AdminNav, retryUnlessRefused } from '../../admin/admin-shared';
import { ADMIN_ORG_NS, useOrgErrorMessage } from '../../admin/i18n';
import { ScopePicker } from '../../admin/ScopePicker';
import { FACILITY_TYPES, type FacilityType } from '../../catalogue/catalogue-search';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';
import { ListPager } from '../../learner/ListPager';

const PAGE_SIZE = 20;

/** Filters live in the address, so a reload or a shared link keeps them. */
function useFacilityFilters() {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  return {
    type: FACILITY_TYPES.includes(type as FacilityType) ? (type as FacilityType) : undefined,
    adminUnitId: params.get('adminUnitId') ?? undefined,
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

export function Component() {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const { t: app } = useTranslation();
  const filters = useFacilityFilters();
  const provinces = useQuery({
    queryKey: ['admin', 'admin-units', 'level', null],
    queryFn: () => unwrap(api.GET('/api/v1/admin-units', { params: { query: { pageSize: 100 } } })),
  });
  const provinceName = new Map((provinces.data?.items ?? []).map((u) => [u.id, u.name]));
  const query = {
    type: filters.type,
    adminUnitId: filters.adminUnitId,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
  const facilities = useQuery({
    queryKey: ['admin', 'facilities', query],
    queryFn: () => unwrap(api.GET('/api/v1/facilities', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <AdminNav />
      <PageTitle>{t('facilities.title')}</PageTitle>
      <Text>{t('facilities.intro')}</Text>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('facilities.table')}>
        <NativeSelect
          label={t('facilities.type')}
          value={filters.type ?? ''}
          onChange={(event) =>
            filters.set({ type: event.currentTarget.value || undefined, page: undefined })
          }
          data={[
            { value: '', label: t('facilities.anyType') },
            ...FACILITY_TYPES.map((type) => ({ value: type, label: app(`facilityType.${type}`) })),
          ]}
        />
        <NativeSelect
          label={t('facilities.province')}
          value={filters.adminUnitId ?? ''}
          onChange={(event) =>
            filters.set({ adminUnitId: event.currentTarget.value || undefined, page: undefined })
          }
          data={[
            { value: '', label: t('facilities.anyProvince') },
            ...(provinces.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
      </Group>
      {facilities.isPending ? <PageLoader /> : null}
      {facilities.isError ? (
        <ApiErrorAlert
          error={facilities.error}
          onRetry={retryUnlessRefused(facilities.error, () => void facilities.refetch())}
        />
      ) : null}
      {facilities.data ? (
        <Text size="sm" aria-live="polite">
          {facilities.data.total === 0
            ? t('facilities.empty')
            : t('facilities.results', { count: facilities.data.total })}
        </Text>
      ) : null}
      {facilities.data && facilities.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('facilities.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('facilities.name')}</Table.Th>
                <Table.Th scope="col">{t('facilities.code')}</Table.Th>
                <Table.Th scope="col">{t('facilities.type')}</Table.Th>
                <Table.Th scope="col">{t('facilities.adminUnit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {facilities.data.items.map((facility) => (
                <Table.Tr key={facility.id}>
                  <Table.Th scope="row" fw={500}>
                    {facility.name}
                  </Table.Th>
                  <Table.Td>{facility.code}</Table.Td>
                  <Table.Td>{app(`facilityType.${facility.type}`)}</Table.Td>
                  <Table.Td>{provinceName.get(facility.adminUnitId) ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {facilities.data ? (
        <ListPager
          page={filters.page}
          total={facilities.data.total}
          pageSize={PAGE_SIZE}
          onChange={(page) => filters.set({ page: String(page) })}
        />
      ) : null}
      <NewFacility />
    </Stack>
  );
}

function NewFacility() {
  const { t } = useTranslation(ADMIN_ORG_NS);
  const { t: app } = useTranslation();
  const errorMessage = useOrgErrorMessage();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      code: '',
      name: '',
      type: 'community_learning_center' as FacilityType,
      adminUnitId: '',
    },
    validate: {
      code: (value) =>
        /^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/.test(value.trim()) ? null : t('errors.codeHint'),
      name: (value) => (value.trim() ? null : t('facilities.name')),
      adminUnitId: (value) => (value ? null : t('picker.required')),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/facilities', {
          body: { ...values, code: values.code.trim(), name: values.name.trim() },
        }),
      ),
    onSuccess: (facility) => {
      showToast({ color: 'teal', message: t('facilities.created', { name: facility.name }) });
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['admin', 'facilities'] });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="new-facility" padding="md">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-facility">
            {t('facilities.create')}
          </Title>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('facilities.code')}
              description={t('errors.codeHint')}
              maxLength={50}
              required
              {...form.getInputProps('code')}
            />
            <TextInput
              label={t('facilities.name')}
              maxLength={200}
              required
              style={{ flex: '1 1 16rem' }}
              {...form.getInputProps('name')}
            />
            <NativeSelect
              label={t('facilities.type')}
              data={FACILITY_TYPES.map((type) => ({
                value: type,
                label: app(`facilityType.${type}`),
              }))}
              {...form.getInputProps('type')}
            />
            <ScopePicker
              scopeType="admin_unit"
              label={t('facilities.adminUnitPick')}
              value={form.values.adminUnitId}
              error={form.errors.adminUnitId as string | undefined}
              onChange={(id) => form.setFieldValue('adminUnitId', id)}
            />
          </Group>
          {save.isError ? (
            <Text role="alert" c="red.9" size="sm">
              {errorMessage(save.error)}
            </Text>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('facilities.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
