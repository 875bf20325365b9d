import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { MANAGE_ROLES, STAFF_MANAGERS } from './roles';
import './i18n';

/**
 * Links between the training-management pages the person may open. Each page adds one entry
 * to `LINKS` (its text under `nav.` in the manage namespace).
 */
const LINKS = [
  { to: '/manage/compliance', label: 'compliance', roles: MANAGE_ROLES },
  { to: '/manage/staff', label: 'staff', roles: STAFF_MANAGERS },
  { to: '/manage/requirements', label: 'requirements', roles: STAFF_MANAGERS },
  { to: '/manage/imports', label: 'imports', roles: STAFF_MANAGERS },
] as const;

export function ManageNav() {
  const { t } = useTranslation('manage');
  const { hasRole } = useSession();
  const links = LINKS.filter((link) => hasRole(...link.roles));
  if (links.length === 0) return null;
  return (
    <Group component="nav" aria-label={t('nav.sections')} gap="md">
      {links.map((link) => (
        <Anchor key={link.to} component={NavLink} to={link.to} size="sm">
          {t(`nav.${link.label}`)}
        </Anchor>
      ))}
    </Group>
  );
}
