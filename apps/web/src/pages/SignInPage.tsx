import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { SingleSignOnButtons, SingleSignOnFailure } from '../auth/SingleSignOn';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { safeReturnPath } from './return-path';

export function Component() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const returnTo = safeReturnPath(params.get('returnTo')) ?? '/learning';
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : t('auth.emailInvalid')),
      password: (value) => (value.length > 0 ? null : t('auth.passwordTooShort')),
    },
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          try {
            await signIn(values.email.trim(), values.password);
            await navigate(returnTo);
          } catch (caught) {
            setError(caught);
          }
        })}
      >
        <Stack>
          <SingleSignOnFailure sso={params.get('sso')} reason={params.get('reason')} />
          {error ? <ApiErrorAlert error={error} /> : null}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('auth.signInButton')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('accounts.forgotLink')}
          </Anchor>
          <SingleSignOnButtons returnTo={returnTo} />
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/register">
              {t('nav.register')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
