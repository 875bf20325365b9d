import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { useHasAssignments, useUnreadCount } from './queries';

/** The signed-in person's own pages, for the header; "My training" only for those who have some. */
export function useLearnerNavItems(): { to: string; label: string }[] {
  const { t } = useTranslation();
  const { user } = useSession();
  const hasAssignments = useHasAssignments();
  if (!user) return [];
  return [
    ...(hasAssignments.data ? [{ to: '/training', label: t('learnerNav.training') }] : []),
    { to: '/certificates', label: t('learnerNav.certificates') },
    { to: '/profile', label: t('learnerNav.profile') },
  ];
}

/** A bell with the number of unread notifications, polled every minute and on focus. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  const label =
    unread > 0
      ? t('learnerNav.notificationsUnread', { count: unread })
      : t('learnerNav.notifications');
  return (
    <Indicator
      label={unread > 99 ? '99+' : String(unread)}
      disabled={unread === 0}
      size={18}
      color="red"
      offset={4}
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={label}
        title={label}
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
