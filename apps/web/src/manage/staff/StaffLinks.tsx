import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { MANAGE_STAFF_NS } from './i18n';

const LINKS = [
  { to: '/manage/staff', key: 'staff' },
  { to: '/manage/imports', key: 'imports' },
] as const;

/** Links between the staff pages, at the top of each. */
export function StaffLinks() {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('links.label')} gap="md">
      {LINKS.map((link) => (
        <Anchor
          key={link.to}
          component={Link}
          to={link.to}
          fw={pathname === link.to ? 700 : 400}
          aria-current={pathname === link.to ? 'page' : undefined}
        >
          {t(`links.${link.key}`)}
        </Anchor>
      ))}
    </Group>
  );
}
