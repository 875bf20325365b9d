import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { figuresPath, INSPECTORS, MANAGE_ROLES, REPORT_DECIDERS, STAFF_MANAGERS } from './roles';
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
  { to: '/manage/reports', label: 'reports', roles: REPORT_DECIDERS },
  { to: '/manage/inspections', label: 'inspections', roles: INSPECTORS },
  // An org unit's managers read their unit's published inspections there.
  { to: '/studio/inspections', label: 'inspectionResults', roles: ['org_manager'] },
] as const;

export function ManageNav() {
  const { t } = useTranslation('manage');
  const { user, hasRole } = useSession();
  const links = LINKS.filter((link) => hasRole(...link.roles));
  if (links.length === 0) return null;
  // The programme's public figures, opened on the person's own area.
  const figures = { to: figuresPath(user?.roles ?? []), label: 'figures' } as const;
  return (
    <Group component="nav" aria-label={t('nav.sections')} gap="md">
      {[...links, figures].map((link) => (
        <Anchor key={link.to} component={NavLink} to={link.to} size="sm">
          {t(`nav.${link.label}`)}
        </Anchor>
      ))}
    </Group>
  );
}
