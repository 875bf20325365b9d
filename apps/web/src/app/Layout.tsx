import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { isLanguage, setLanguage } from '../i18n';
import { useErrorMessage } from '../components/ApiErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { showToast } from '../components/toasts';
import { NotificationBell, useLearnerNavItems } from '../learner/header';
import { MANAGE_ROLES } from '../manage/roles';
import { AUTHOR_ROLES } from '../studio/roles';

interface NavItem {
  to: string;
  label: string;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { user } = useSession();
  const learnerItems = useLearnerNavItems();
  const items: NavItem[] = [
    { to: '/', label: t('nav.home') },
    { to: '/courses', label: t('nav.catalogue') },
    { to: '/television', label: t('nav.television') },
    { to: '/verify', label: t('nav.verify') },
  ];
  if (user) items.splice(1, 0, { to: '/learning', label: t('nav.myLearning') }, ...learnerItems);
  return items;
}

/**
 * The ways into the staff's workspaces, only for the roles their pages serve (the api checks them
 * again): the studio for course authors; administration, with the user list for admins and org
 * managers and the audit log for supervisors.
 */
function useStaffNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { user, hasRole } = useSession();
  if (!user) return [];
  const items: NavItem[] = [];
  if (hasRole(...AUTHOR_ROLES)) items.push({ to: '/studio', label: t('nav.studio') });
  if (hasRole(...MANAGE_ROLES)) items.push({ to: '/manage/compliance', label: t('nav.manage') });
  if (hasRole('admin', 'org_manager'))
    items.push({ to: '/admin/users', label: t('admin.nav.title') });
  else if (hasRole('supervisor')) items.push({ to: '/admin/audit', label: t('admin.nav.title') });
  return items;
}

/**
 * The language of the app; signed in, it is saved to the profile so every device follows. In the
 * header it is a small select (on a phone, the language's code only: the names overflow at 320
 * px); in the phone's menu it has its label and full names.
 */
function LanguageSwitch({ inMenu = false }: { inMenu?: boolean }) {
  const { t, i18n } = useTranslation();
  const { user, updateProfile } = useSession();
  const errorMessage = useErrorMessage();
  const roomy = useMediaQuery('(min-width: 36em)', true) || inMenu;
  return (
    <NativeSelect
      aria-label={inMenu ? undefined : t('nav.language')}
      label={inMenu ? t('nav.language') : undefined}
      size={inMenu ? 'sm' : 'xs'}
      style={{ flexShrink: 0 }}
      value={i18n.language}
      onChange={(event) => {
        const language = event.currentTarget.value;
        if (!isLanguage(language)) return;
        setLanguage(language).catch((error: unknown) =>
          showToast({ color: 'red', message: errorMessage(error) }),
        );
        if (user && user.locale !== language)
          updateProfile({ locale: language }).catch((error: unknown) =>
            showToast({ color: 'red', message: errorMessage(error) }),
          );
      }}
      data={[
        { value: 'vi', label: t(roomy ? 'language.vi' : 'language.viShort') },
        { value: 'en', label: t(roomy ? 'language.en' : 'language.enShort') },
      ]}
    />
  );
}

function AccountButtons() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const staff = useStaffNavItems();
  if (user === undefined) return null;
  if (!user) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/sign-in" variant="subtle" size="xs">
          {t('nav.signIn')}
        </Button>
        <Button component={Link} to="/register" size="xs" visibleFrom="xs">
          {t('nav.register')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <NotificationBell />
      {staff.map((item) => (
        // Beside the account on wide screens (the main links fill the header); in the menu on phones.
        <Button
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          variant="light"
          size="xs"
          visibleFrom="md"
        >
          {item.label}
        </Button>
      ))}
      {/* Staff headers have a button more: the name shows only when there is room. */}
      <Text size="sm" visibleFrom={staff.length > 0 ? 'xl' : 'sm'} truncate maw={180}>
        {user.fullName}
      </Text>
      <Button
        variant="subtle"
        size="xs"
        onClick={() => {
          void signOut().then(() => navigate('/'));
        }}
      >
        {t('nav.signOut')}
      </Button>
    </Group>
  );
}

/** The frame of every page: a header with the main links, the language and the account. */
export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const items = useNavItems();
  const staff = useStaffNavItems();
  const menuItems = [...items, ...staff];
  const { user } = useSession();
  // A signed-in phone header holds the bell and sign-out too: the language moves to the menu,
  // so nothing overlaps the name at 360 px. Visitors keep it in the header, where it is found.
  const phone = !useMediaQuery('(min-width: 36em)', true);
  const languageInMenu = phone && Boolean(user);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* Shrinks (its links wrap) so the account buttons stay on screen however many there are. */}
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flexShrink: 1 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t('nav.menu')}
            />
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              {t('app.name')}
            </Anchor>
            <Group component="nav" gap={4} visibleFrom="md" aria-label={t('nav.menu')}>
              {items.map((item) => (
                <Button
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.to === '/'}
                  variant="subtle"
                  size="compact-sm"
                >
                  {item.label}
                </Button>
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {languageInMenu ? null : <LanguageSwitch />}
            <AccountButtons />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        <Stack gap={2}>
          {menuItems.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              end={item.to === '/'}
              label={item.label}
              onClick={close}
            />
          ))}
          {languageInMenu ? <LanguageSwitch inMenu /> : null}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
