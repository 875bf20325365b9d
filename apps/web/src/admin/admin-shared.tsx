import { Anchor, Badge, Group } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { ADMIN_ORG_NS } from './i18n';

export type AdminUser = components['schemas']['AdminUserDto'];
export type AdminUserDetail = components['schemas']['AdminUserDetailDto'];
export type UserRole = components['schemas']['UserRoleDto'];
export type AuditEntry = components['schemas']['AuditEntryDto'];
export type AccountStatus = AdminUser['status'];
export type RoleName = UserRole['role'];

export const ROLE_NAMES: RoleName[] = [
  'learner',
  'instructor',
  'facility_admin',
  'org_manager',
  'supervisor',
  'admin',
];
export const STATUSES: AccountStatus[] = ['active', 'invited', 'uninvited', 'deactivated'];

/** Which roles reach which admin page (the api checks the same, and the scopes). */
export const USER_ADMIN_ROLES: RoleName[] = ['admin', 'org_manager'];
export const AUDIT_READER_ROLES: RoleName[] = ['admin', 'supervisor'];
export const STRUCTURE_EDITOR_ROLES: RoleName[] = ['admin'];
export const ORG_UNIT_EDITOR_ROLES: RoleName[] = ['admin', 'org_manager'];

/** An admin without a scope: the only one the api lets open the job queues. */
export function usePlatformAdmin(): boolean {
  const { user } = useSession();
  return Boolean(user?.roles.some((grant) => grant.role === 'admin' && grant.scopeType === null));
}

/** Filled badges in AA-contrast shades (light tints fail axe on white). */
const STATUS_COLOR: Record<AccountStatus, string> = {
  active: 'teal.9',
  invited: 'blue.8',
  uninvited: 'gray.7',
  deactivated: 'red.9',
};

export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="filled"
      tt="none"
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`admin.status.${status}`)}
    </Badge>
  );
}

/** "Giảng viên · cơ sở" — the role and the kind of scope it holds. */
export function useRoleLabel(): (grant: UserRole) => string {
  const { t } = useTranslation();
  return (grant) =>
    `${t(`admin.role.${grant.role}`)} · ${t(`admin.scope.${grant.scopeType ?? 'everywhere'}`)}`;
}

export function RoleBadges({ roles }: { roles: UserRole[] }) {
  const label = useRoleLabel();
  return (
    <Group gap={4}>
      {roles.map((grant) => (
        <Badge
          key={`${grant.role}:${grant.scopeType ?? ''}:${grant.scopeId ?? ''}`}
          variant="outline"
          color="dark"
          tt="none"
          title={grant.scopeId ?? undefined}
        >
          {label(grant)}
        </Badge>
      ))}
    </Group>
  );
}

/** The i18n key of an audit action: dots and dashes are key separators for i18next. */
export const actionKey = (action: string): string => action.replace(/[.-]/g, '_');

/** Links between the administration pages the person may open. */
export function AdminNav() {
  const { t } = useTranslation();
  const { t: o } = useTranslation(ADMIN_ORG_NS);
  const { hasRole } = useSession();
  const platformAdmin = usePlatformAdmin();
  const links = [
    ...(hasRole(...USER_ADMIN_ROLES) ? [{ to: '/admin/users', label: t('admin.nav.users') }] : []),
    ...(hasRole(...AUDIT_READER_ROLES)
      ? [{ to: '/admin/audit', label: t('admin.nav.audit') }]
      : []),
    ...(hasRole(...STRUCTURE_EDITOR_ROLES)
      ? [
          { to: '/admin/admin-units', label: o('nav.adminUnits') },
          { to: '/admin/facilities', label: o('nav.facilities') },
        ]
      : []),
    ...(hasRole(...ORG_UNIT_EDITOR_ROLES)
      ? [{ to: '/admin/org-units', label: o('nav.orgUnits') }]
      : []),
  ];
  if (links.length < 2 && !platformAdmin) return null;
  return (
    <Group component="nav" aria-label={t('admin.nav.title')} gap="md">
      {links.map((link) => (
        <Anchor key={link.to} component={NavLink} to={link.to} end size="sm">
          {link.label}
        </Anchor>
      ))}
      {platformAdmin ? <JobBoardLink label={o('nav.jobBoard')} /> : null}
    </Group>
  );
}

/** The queue board (served by the api, outside the app): a browser opens it with a cookie. */
function JobBoardLink({ label }: { label: string }) {
  const open = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    // The client's middleware sets the real Bearer header; the schema lists it as a parameter.
    await unwrap(
      api.POST('/api/v1/admin/queues/session', { params: { header: { authorization: '' } } }),
    );
    window.location.assign(QUEUE_BOARD_PATH);
  };
  return (
    <Anchor href={QUEUE_BOARD_PATH} size="sm" onClick={(event) => void open(event)}>
      {label}
    </Anchor>
  );
}

const QUEUE_BOARD_PATH = '/admin/queues';

/** A retry button makes sense after a network or server failure, not after a refusal. */
export function retryUnlessRefused(error: unknown, retry: () => void): (() => void) | undefined {
  return error instanceof ApiError && [403, 404].includes(error.status) ? undefined : retry;
}
