import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import {
  type AccountStatus,
  AdminNav,
  ROLE_NAMES,
  type RoleName,
  RoleBadges,
  STATUSES,
  StatusBadge,
  retryUnlessRefused,
} from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { ListPager } from '../../learner/ListPager';

const PAGE_SIZE = 20;
const MAX_QUERY = 200;

/** The search lives in the address, so a reload, the back button or a shared link keeps it. */
function useUserSearch() {
  const [params, setParams] = useSearchParams();
  const role = params.get('role');
  const status = params.get('status');
  return {
    q: params.get('q') ?? '',
    role: ROLE_NAMES.includes(role as RoleName) ? (role as RoleName) : undefined,
    status: STATUSES.includes(status as AccountStatus) ? (status as AccountStatus) : undefined,
    orgUnitId: params.get('orgUnitId') ?? undefined,
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
  const { t } = useTranslation();
  const search = useUserSearch();
  const [typed, setTyped] = useState(search.q);
  const query = {
    q: search.q || undefined,
    role: search.role,
    status: search.status,
    orgUnitId: search.orgUnitId,
    page: search.page,
    pageSize: PAGE_SIZE,
  };
  const users = useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => unwrap(api.GET('/api/v1/admin/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search.set({ q: typed.trim() || undefined, page: undefined });
  };
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <AdminNav />
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <Text>{t('admin.users.intro')}</Text>
      <form role="search" aria-label={t('admin.users.filters')} onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('admin.users.search')}
            value={typed}
            maxLength={MAX_QUERY}
            onChange={(event) => setTyped(event.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label={t('admin.users.role')}
            value={search.role ?? ''}
            onChange={(event) =>
              search.set({ role: event.currentTarget.value || undefined, page: undefined })
            }
            data={[
              { value: '', label: t('admin.users.anyRole') },
              ...ROLE_NAMES.map((role) => ({ value: role, label: t(`admin.role.${role}`) })),
            ]}
          />
          <NativeSelect
            label={t('admin.users.status')}
            value={search.status ?? ''}
            onChange={(event) =>
              search.set({ status: event.currentTarget.value || undefined, page: undefined })
            }
            data={[
              { value: '', label: t('admin.users.anyStatus') },
              ...STATUSES.map((status) => ({ value: status, label: t(`admin.status.${status}`) })),
            ]}
          />
          <Button type="submit">{t('admin.users.searchButton')}</Button>
        </Group>
      </form>
      {search.orgUnitId ? (
        <Group gap="sm">
          <Text size="sm">{t('admin.users.inUnit')}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => search.set({ orgUnitId: undefined, page: undefined })}
          >
            {t('admin.users.clearUnit')}
          </Button>
        </Group>
      ) : null}
      {users.isPending ? <PageLoader /> : null}
      {users.isError ? (
        <ApiErrorAlert
          error={users.error}
          onRetry={retryUnlessRefused(users.error, () => void users.refetch())}
        />
      ) : null}
      {users.data ? (
        <Text size="sm" aria-live="polite">
          {users.data.total === 0
            ? t('admin.users.empty')
            : t('admin.users.results', { count: users.data.total })}
        </Text>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('admin.users.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.employeeCode')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.users.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/admin/users/${user.id}`}>
                      {user.fullName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                  <Table.Td>{user.employeeCode ?? '—'}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={user.status} />
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {users.data ? (
        <ListPager
          page={search.page}
          total={users.data.total}
          pageSize={PAGE_SIZE}
          onChange={(page) => search.set({ page: String(page) })}
        />
      ) : null}
    </Stack>
  );
}
