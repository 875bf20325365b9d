import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { ApiError } from '../api/client';
import type { components } from '../api/schema';

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
  const { hasRole } = useSession();
  const links = [
    ...(hasRole(...USER_ADMIN_ROLES) ? [{ to: '/admin/users', label: t('admin.nav.users') }] : []),
    ...(hasRole(...AUDIT_READER_ROLES)
      ? [{ to: '/admin/audit', label: t('admin.nav.audit') }]
      : []),
  ];
  if (links.length < 2) return null;
  return (
    <Group component="nav" aria-label={t('admin.nav.title')} gap="md">
      {links.map((link) => (
        <Anchor key={link.to} component={NavLink} to={link.to} end size="sm">
          {link.label}
        </Anchor>
      ))}
    </Group>
  );
}

/** A retry button makes sense after a network or server failure, not after a refusal. */
export function retryUnlessRefused(error: unknown, retry: () => void): (() => void) | undefined {
  return error instanceof ApiError && [403, 404].includes(error.status) ? undefined : retry;
}
