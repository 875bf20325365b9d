import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

/** Why a single sign-on came back to the sign-in page (`?sso=failed&reason=…`), as the api says. */
const SSO_FAILURE_REASONS = ['state', 'provider', 'denied', 'token', 'unavailable', 'account'];

/**
 * What went wrong with a single sign-on, in the person's language; nothing when the page was not
 * reached from a failed one.
 */
export function SingleSignOnFailure({
  sso,
  reason,
}: {
  sso: string | null;
  reason: string | null;
}) {
  const { t } = useTranslation();
  if (sso !== 'failed') return null;
  const known = reason !== null && SSO_FAILURE_REASONS.includes(reason) ? reason : 'unknown';
  return (
    <Alert color="red" role="alert" variant="light" title={t('auth.sso.failedTitle')}>
      {t(`auth.sso.failed.${known}` as 'auth.sso.failed.unknown')}
    </Alert>
  );
}

/**
 * "Sign in with …" for each configured provider: plain links to the api's start route, which
 * sends the browser to the provider and, once back, to `returnTo` signed in. Nothing when no
 * provider is configured.
 */
export function SingleSignOnButtons({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const providers = useQuery({
    queryKey: ['oidc-providers'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/oidc/providers')),
    staleTime: Infinity,
  });
  if (!providers.data?.length) return null;
  return (
    <Stack gap="xs">
      <Divider label={t('auth.sso.or')} labelPosition="center" />
      {providers.data.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          variant="default"
          // A provider's name can be long ("Cổng dịch vụ công quốc gia"): wrap, never cut it.
          h="auto"
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.4 } }}
          href={`/api/v1/auth/oidc/${encodeURIComponent(provider.id)}/start?returnTo=${encodeURIComponent(returnTo)}`}
        >
          {t('auth.sso.signInWith', { name: provider.name })}
        </Button>
      ))}
    </Stack>
  );
}
