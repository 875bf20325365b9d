import { Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { linkToken, newPasswordProblem, PASSWORD_MAX } from './password-rules';

type Purpose = 'invitation' | 'reset';

const ROUTE = {
  invitation: '/api/v1/auth/invitations/accept',
  reset: '/api/v1/auth/password/reset',
} as const;

const TEXT = {
  invitation: {
    title: 'accounts.invitationTitle',
    intro: 'accounts.invitationIntro',
    button: 'accounts.invitationButton',
  },
  reset: {
    title: 'accounts.resetTitle',
    intro: 'accounts.resetIntro',
    button: 'accounts.resetButton',
  },
} as const;

/**
 * Reads the token, and once the page is shown takes it out of the address bar (and so out of
 * the history). Not while rendering: a render the page's lazy loading throws away would lose it.
 */
function useLinkToken(): string | null {
  const [token] = useState(() => linkToken(window.location));
  useEffect(() => {
    if (token) window.history.replaceState(null, '', window.location.pathname);
  }, [token]);
  return token;
}

/**
 * Sets a password with the token of an emailed link (an invitation or a reset), then signs the
 * person in and takes them to their learning.
 */
export function SetPasswordPage({ purpose }: { purpose: Purpose }) {
  const { t } = useTranslation();
  const { startSession } = useSession();
  const navigate = useNavigate();
  const token = useLinkToken();
  const [error, setError] = useState<unknown>(null);
  const text = TEXT[purpose];
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (value) => newPasswordProblem(t, value),
      confirm: (value, values) =>
        value === values.password ? null : t('accounts.passwordsDiffer'),
    },
  });
  return (
    <Paper maw={440} mx="auto" p="lg" withBorder>
      <PageTitle>{t(text.title)}</PageTitle>
      {token === null ? (
        <Stack>
          <Text>{t('accounts.noToken')}</Text>
          <Anchor component={Link} to="/forgot-password">
            {t('accounts.askNewLink')}
          </Anchor>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            try {
              const body = { token, password: values.password };
              startSession(await unwrap(api.POST(ROUTE[purpose], { body })));
              await navigate('/learning');
            } catch (caught) {
              const fields = caught instanceof ApiError ? caught.details?.fields : undefined;
              if (fields && typeof fields === 'object' && 'password' in fields)
                form.setFieldError(
                  'password',
                  JSON.stringify(fields).includes('email')
                    ? t('accounts.passwordIsEmail')
                    : t('accounts.passwordRules'),
                );
              else setError(caught);
            }
          })}
        >
          <Stack>
            <Text>{t(text.intro)}</Text>
            {error ? <ApiErrorAlert error={error} /> : null}
            {error instanceof ApiError && error.code === 'TOKEN_INVALID' ? (
              <Anchor component={Link} to="/forgot-password">
                {t('accounts.askNewLink')}
              </Anchor>
            ) : null}
            <PasswordInput
              label={t('accounts.newPassword')}
              description={t('accounts.passwordRules')}
              autoComplete="new-password"
              required
              maxLength={PASSWORD_MAX}
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('accounts.confirmPassword')}
              autoComplete="new-password"
              required
              maxLength={PASSWORD_MAX}
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={form.submitting}>
              {t(text.button)}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
