import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { APPROVER_ROLES } from './roles';

/** Links between the studio's pages the person may open. */
export function StudioNav() {
  const { t } = useTranslation('studio');
  const { hasRole } = useSession();
  if (!hasRole(...APPROVER_ROLES)) return null;
  return (
    <Group component="nav" aria-label={t('nav.sections')} gap="md">
      <Anchor component={NavLink} to="/studio" end size="sm">
        {t('nav.courses')}
      </Anchor>
      <Anchor component={NavLink} to="/studio/review" end size="sm">
        {t('nav.review')}
      </Anchor>
      <Anchor component={NavLink} to="/studio/certificate-template" size="sm">
        {t('nav.templates')}
      </Anchor>
    </Group>
  );
}
