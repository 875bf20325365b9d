import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { APPROVER_ROLES, AUTHOR_ROLES } from './roles';
import './television/i18n';

/** Links between the studio's pages the person may open. */
export function StudioNav() {
  const { t } = useTranslation('studio');
  const { hasRole } = useSession();
  const { t: tv } = useTranslation('studioTv');
  if (!hasRole(...AUTHOR_ROLES)) return null;
  return (
    <Group component="nav" aria-label={t('nav.sections')} gap="md">
      <Anchor component={NavLink} to="/studio" end size="sm">
        {t('nav.courses')}
      </Anchor>
      {hasRole(...APPROVER_ROLES) ? (
        <Anchor component={NavLink} to="/studio/review" end size="sm">
          {t('nav.review')}
        </Anchor>
      ) : null}
      <Anchor component={NavLink} to="/studio/television" size="sm">
        {tv('nav')}
      </Anchor>
      {/* Templates are the facility's: its admins (and platform admins) edit them. */}
      {hasRole(...APPROVER_ROLES) ? (
        <Anchor component={NavLink} to="/studio/certificate-template" size="sm">
          {t('nav.templates')}
        </Anchor>
      ) : null}
      {/* The yearly report is the facility's too: its admins fill it in. */}
      {hasRole(...APPROVER_ROLES) ? (
        <Anchor component={NavLink} to="/studio/reports" size="sm">
          {t('nav.reports')}
        </Anchor>
      ) : null}
      {/* Published inspections of the facility: its admins read them and close their actions. */}
      {hasRole('facility_admin') ? (
        <Anchor component={NavLink} to="/studio/inspections" size="sm">
          {t('nav.inspections')}
        </Anchor>
      ) : null}
    </Group>
  );
}
