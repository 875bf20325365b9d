import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { actionKey, AdminNav, type AuditEntry, retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import { ListPager } from '../../learner/ListPager';

const PAGE_SIZE = 25;
type AuditAction = NonNullable<
  paths['/api/v1/admin/audit']['get']['parameters']['query']
>['action'];
const ACTIONS: NonNullable<AuditAction>[] = [
  'role.granted',
  'role.revoked',
  'staff-import.requested',
  'staff-import.finished',
  'membership.placed',
  'certificate.revoked',
  'requirement.created',
  'requirement.updated',
  'invitation.sent',
  'account.deactivated',
  'account.reactivated',
  'lrs-client.issued',
  'lrs-client.revoked',
  'lrs-forward.registered',
  'lrs-forward.revoked',
  'inspection.published',
  'inspection-action.closed',
];
const FILTERS = ['action', 'actorId', 'subjectId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** A day typed as yyyy-mm-dd, as the instant it starts on this device (`to`: the next day). */
const dayStart = (day: string, plusDays = 0): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** "role: instructor · scopeType: facility": an entry's details, short and readable. */
function Details({ details }: { details: AuditEntry['details'] }) {
  const text = Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
  return (
    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
      {text || '—'}
    </Text>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filters;
  const [typed, setTyped] = useState<Filters>(current);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const action = ACTIONS.find((known) => known === current.action);
  const query = {
    action,
    actorId: current.actorId || undefined,
    subjectId: current.subjectId || undefined,
    from: dayStart(current.from),
    to: dayStart(current.to, 1),
    page,
    pageSize: PAGE_SIZE,
  };
  const entries = useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => unwrap(api.GET('/api/v1/admin/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) if (typed[key].trim()) next.set(key, typed[key].trim());
    setParams(next);
  };
  const field = (key: (typeof FILTERS)[number]) => ({
    value: typed[key],
    onChange: (event: { currentTarget: { value: string } }) =>
      setTyped({ ...typed, [key]: event.currentTarget.value }),
  });
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <AdminNav />
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <Text>{t('admin.audit.intro')}</Text>
      <form aria-label={t('admin.audit.filters')} onSubmit={apply}>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('admin.audit.action')}
            data={[
              { value: '', label: t('admin.audit.anyAction') },
              ...ACTIONS.map((value) => ({
                value,
                label: t(`admin.audit.actions.${actionKey(value) as 'role_granted'}`),
              })),
            ]}
            {...field('action')}
          />
          <TextInput label={t('admin.audit.actorId')} maxLength={36} {...field('actorId')} />
          <TextInput label={t('admin.audit.subjectId')} maxLength={36} {...field('subjectId')} />
          <TextInput type="date" label={t('admin.audit.from')} {...field('from')} />
          <TextInput type="date" label={t('admin.audit.to')} {...field('to')} />
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button
            variant="subtle"
            onClick={() => {
              setTyped({ action: '', actorId: '', subjectId: '', from: '', to: '' });
              setParams(new URLSearchParams());
            }}
          >
            {t('admin.audit.clear')}
          </Button>
        </Group>
      </form>
      {entries.isPending ? <PageLoader /> : null}
      {entries.isError ? (
        <ApiErrorAlert
          error={entries.error}
          onRetry={retryUnlessRefused(entries.error, () => void entries.refetch())}
        />
      ) : null}
      {entries.data ? (
        <Text size="sm" aria-live="polite">
          {entries.data.total === 0
            ? t('admin.audit.empty')
            : t('admin.audit.results', { count: entries.data.total })}
        </Text>
      ) : null}
      {entries.data && entries.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('admin.audit.table')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.audit.at')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.subject')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.ip')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    {entry.actorId ? (
                      <Anchor component={Link} to={`/admin/users/${entry.actorId}`}>
                        {entry.actorName ?? entry.actorId}
                      </Anchor>
                    ) : (
                      t('admin.audit.system')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t(`admin.audit.actions.${actionKey(entry.action) as 'role_granted'}`)}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {entry.subjectType === 'user' ? (
                      <Anchor component={Link} to={`/admin/users/${entry.subjectId}`}>
                        {entry.subjectName ?? entry.subjectId}
                      </Anchor>
                    ) : (
                      `${t(`admin.audit.subjectType.${entry.subjectType as 'user'}`)} ${entry.subjectId}`
                    )}
                  </Table.Td>
                  <Table.Td>{entry.ip ?? '—'}</Table.Td>
                  <Table.Td>
                    <Details details={entry.details} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {entries.data ? (
        <ListPager
          page={page}
          total={entries.data.total}
          pageSize={PAGE_SIZE}
          onChange={(next) => {
            const merged = new URLSearchParams(params);
            merged.set('page', String(next));
            setParams(merged);
          }}
        />
      ) : null}
    </Stack>
  );
}
