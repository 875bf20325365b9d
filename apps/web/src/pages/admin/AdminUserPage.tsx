import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap } from '../../api/client';
import {
  type AdminUserDetail,
  AUDIT_READER_ROLES,
  ROLE_NAMES,
  type RoleName,
  StatusBadge,
  type UserRole,
  useRoleLabel,
  usePlatformAdmin,
  retryUnlessRefused,
} from '../../admin/admin-shared';
import { ADMIN_ORG_NS } from '../../admin/i18n';
import { ScopePicker } from '../../admin/ScopePicker';
import { useSession } from '../../auth/session';
import { ApiErrorAlert, useErrorMessage } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatPercent } from '../../format';
import { showToast } from '../../components/toasts';

type ScopeChoice = '' | 'facility' | 'org_unit' | 'admin_unit';

/** A part of the page, or a plain "not yours to see" when the api withheld it (null). */
function Part(props: {
  title: string;
  lines: unknown[] | null;
  empty: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `part-${props.title.replace(/\W+/g, '-')}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {props.title}
        </Title>
        {props.lines === null ? <Text size="sm">{t('admin.user.hidden')}</Text> : null}
        {props.lines !== null && props.lines.length === 0 ? (
          <Text size="sm">{props.empty}</Text>
        ) : null}
        {props.lines !== null && props.lines.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>{props.children}</Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}

function Roles({ user }: { user: AdminUserDetail }) {
  const { t } = useTranslation();
  const { t: o } = useTranslation(ADMIN_ORG_NS);
  const platformAdmin = usePlatformAdmin();
  const label = useRoleLabel();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const form = useForm({
    initialValues: {
      role: 'instructor' as RoleName,
      scopeType: 'facility' as ScopeChoice,
      scopeId: '',
    },
    validate: {
      scopeId: (value, values) => (values.scopeType && !value.trim() ? o('picker.required') : null),
    },
  });
  const grant = useMutation({
    mutationFn: (body: UserRole) =>
      unwrap(
        api.POST('/api/v1/admin/users/{id}/roles', { params: { path: { id: user.id } }, body }),
      ),
    onSuccess: () => {
      showToast({ color: 'teal', message: t('admin.user.granted') });
      form.setFieldValue('scopeId', '');
      void refresh();
    },
    onError: (error) => {
      const fields =
        error instanceof ApiError ? (error.details?.fields as Record<string, string[]>) : undefined;
      if (fields?.scopeId || fields?.scopeType) form.setFieldError('scopeId', errorMessage(error));
    },
  });
  const revoke = useMutation({
    mutationFn: (body: UserRole) =>
      unwrap(
        api.DELETE('/api/v1/admin/users/{id}/roles', { params: { path: { id: user.id } }, body }),
      ),
    onSuccess: () => {
      showToast({ color: 'teal', message: t('admin.user.revoked') });
      void refresh();
    },
    onError: (error) => showToast({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="part-roles" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="part-roles">
          {t('admin.user.roles')}
        </Title>
        {user.roles.length === 0 ? <Text size="sm">{t('admin.user.noRoles')}</Text> : null}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {user.roles.map((role) => (
            <Group
              component="li"
              key={`${role.role}:${role.scopeId ?? ''}`}
              justify="space-between"
              wrap="nowrap"
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {label(role)}
                {role.scopeId ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({role.scopeId})
                  </Text>
                ) : null}
              </Text>
              <Button
                size="compact-sm"
                variant="outline"
                color="red.9"
                loading={revoke.isPending && revoke.variables === role}
                aria-label={t('admin.user.revokeLabel', { role: label(role) })}
                onClick={() => revoke.mutate(role)}
              >
                {t('admin.user.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
        <form
          aria-label={t('admin.user.grantTitle')}
          onSubmit={form.onSubmit((values) =>
            grant.mutate({
              role: values.role,
              scopeType: values.scopeType || null,
              scopeId: values.scopeType ? values.scopeId.trim() : null,
            }),
          )}
        >
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('admin.user.grantTitle')}
            </Title>
            <Group align="flex-start" gap="sm">
              <NativeSelect
                label={t('admin.user.grantRole')}
                data={ROLE_NAMES.map((role) => ({ value: role, label: t(`admin.role.${role}`) }))}
                {...form.getInputProps('role')}
              />
              <NativeSelect
                label={t('admin.user.grantScopeType')}
                data={[
                  // Only a platform admin may grant a role everywhere (the api refuses others).
                  ...(platformAdmin ? [{ value: '', label: t('admin.user.unscoped') }] : []),
                  { value: 'facility', label: t('admin.scope.facility') },
                  { value: 'org_unit', label: t('admin.scope.org_unit') },
                  { value: 'admin_unit', label: t('admin.scope.admin_unit') },
                ]}
                {...form.getInputProps('scopeType')}
              />
              {form.values.scopeType ? (
                <ScopePicker
                  key={form.values.scopeType}
                  scopeType={form.values.scopeType}
                  value={form.values.scopeId}
                  error={form.errors.scopeId as string | undefined}
                  onChange={(id) => form.setFieldValue('scopeId', id)}
                />
              ) : null}
            </Group>
            {grant.isError && !form.errors.scopeId ? (
              grant.error instanceof ApiError && grant.error.status === 403 ? (
                <Alert color="red" role="alert" variant="light">
                  {o('errors.grantRefused')}
                </Alert>
              ) : (
                <ApiErrorAlert error={grant.error} />
              )
            ) : null}
            <Group>
              <Button type="submit" loading={grant.isPending}>
                {t('admin.user.grant')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

/** What an administrator may do to the account, per its status; each asks to be confirmed. */
type AccountAction = 'invite' | 'deactivate' | 'reactivate';

function actionsFor(user: AdminUserDetail, ownId: string | undefined): AccountAction[] {
  if (user.status === 'deactivated') return ['reactivate'];
  const actions: AccountAction[] = [];
  if (user.status === 'uninvited' || user.status === 'invited') actions.push('invite');
  if (user.id !== ownId) actions.push('deactivate');
  return actions;
}

function AccountActions({ user }: { user: AdminUserDetail }) {
  const { t } = useTranslation();
  const { user: me, hasRole } = useSession();
  const queryClient = useQueryClient();
  const [asked, setAsked] = useState<AccountAction | null>(null);
  const path = { params: { path: { id: user.id } } };
  const act = useMutation({
    mutationFn: async (action: AccountAction) => {
      if (action === 'invite') await unwrap(api.POST('/api/v1/admin/users/{id}/invitation', path));
      else if (action === 'deactivate')
        await unwrap(api.POST('/api/v1/admin/users/{id}/deactivate', path));
      else await unwrap(api.POST('/api/v1/admin/users/{id}/reactivate', path));
    },
    onSuccess: (_, action) => {
      setAsked(null);
      showToast({ color: 'teal', message: t(`admin.user.account.${action}.done`) });
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  // Supervisors read this page too; the api checks the scope of those who may act.
  const actions = hasRole('admin', 'org_manager') ? actionsFor(user, me?.id) : [];
  if (actions.length === 0) return null;
  const label = (action: AccountAction) =>
    action === 'invite' && user.status === 'invited'
      ? t('admin.user.account.resend')
      : t(`admin.user.account.${action}.button`);
  const close = () => {
    setAsked(null);
    act.reset();
  };
  return (
    <>
      <Group gap="sm">
        {actions.map((action) => (
          <Button
            key={action}
            variant="outline"
            color={action === 'deactivate' ? 'red.9' : undefined}
            onClick={() => setAsked(action)}
          >
            {label(action)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={asked !== null}
        onClose={close}
        title={asked ? label(asked) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('admin.user.account.close') }}
      >
        {asked ? (
          <Stack gap="md">
            <Text size="sm">
              {t(`admin.user.account.${asked}.confirm`, { name: user.fullName, email: user.email })}
            </Text>
            {act.isError ? <ApiErrorAlert error={act.error} /> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('admin.user.account.cancel')}
              </Button>
              <Button
                color={asked === 'deactivate' ? 'red.9' : undefined}
                loading={act.isPending}
                onClick={() => act.mutate(asked)}
              >
                {label(asked)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

export function Component() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const user = useQuery({
    queryKey: ['admin', 'user', id],
    queryFn: () => unwrap(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } } })),
  });
  const data = user.data;
  return (
    <Stack maw={1000} mx="auto" gap="md">
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('admin.user.back')}
      </Anchor>
      {user.isPending ? <PageLoader /> : null}
      {user.isError ? (
        <ApiErrorAlert
          error={user.error}
          onRetry={retryUnlessRefused(user.error, () => void user.refetch())}
        />
      ) : null}
      {data ? (
        <>
          <PageTitle>{data.fullName}</PageTitle>
          <Group gap="sm">
            <StatusBadge status={data.status} />
            <Text style={{ overflowWrap: 'anywhere' }}>{data.email}</Text>
            {data.employeeCode ? (
              <Badge variant="outline" color="dark" tt="none">
                {t('admin.users.employeeCode')}: {data.employeeCode}
              </Badge>
            ) : null}
          </Group>
          <AccountActions user={data} />
          {hasRole(...AUDIT_READER_ROLES) ? (
            <Anchor component={Link} to={`/admin/audit?subjectId=${data.id}`}>
              {t('admin.user.auditLink')}
            </Anchor>
          ) : null}
          <Roles user={data} />
          <Part
            title={t('admin.user.memberships')}
            lines={data.memberships}
            empty={t('admin.user.noMemberships')}
          >
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.user.unit')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.position')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.jobGrade')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.from')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.memberships?.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/admin/users?orgUnitId=${line.orgUnitId}`}
                        aria-label={t('admin.user.peopleInUnit', { unit: line.orgUnitName })}
                      >
                        {line.orgUnitName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{line.position ?? '—'}</Table.Td>
                    <Table.Td>{line.jobGrade ?? '—'}</Table.Td>
                    <Table.Td>{formatDate(line.startedAt)}</Table.Td>
                    <Table.Td>
                      {line.endedAt ? formatDate(line.endedAt) : t('admin.user.current')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Part>
          <Part
            title={t('admin.user.assignments')}
            lines={data.assignments}
            empty={t('admin.user.noAssignments')}
          >
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.user.requirement')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.assignments?.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{line.title}</Table.Td>
                    <Table.Td>{t(`training.status.${line.status as 'assigned'}`)}</Table.Td>
                    <Table.Td>{line.dueAt ? formatDate(line.dueAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Part>
          <Part
            title={t('admin.user.enrollments')}
            lines={data.enrollments}
            empty={t('admin.user.noEnrollments')}
          >
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.user.course')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.progress')}</Table.Th>
                  <Table.Th scope="col">{t('admin.user.enrolledOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.enrollments?.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{line.courseTitle}</Table.Td>
                    <Table.Td>
                      {t(`admin.user.enrollmentStatus.${line.status as 'active'}`)}
                    </Table.Td>
                    <Table.Td>{formatPercent(line.progressPercent)}</Table.Td>
                    <Table.Td>{formatDate(line.enrolledAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Part>
        </>
      ) : null}
    </Stack>
  );
}
