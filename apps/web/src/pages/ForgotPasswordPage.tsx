import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableAlert } from '../components/readable-badge';
import { PageTitle } from '../components/PageTitle';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function Component() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('auth.emailInvalid')),
    },
  });
  return (
    <Paper maw={440} mx="auto" p="lg" withBorder>
      <PageTitle>{t('accounts.forgotTitle')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          try {
            await unwrap(
              api.POST('/api/v1/auth/password/forgot', { body: { email: values.email.trim() } }),
            );
            setSent(true);
          } catch (caught) {
            setError(caught);
          }
        })}
      >
        <Stack>
          {sent ? (
            <Alert {...readableAlert('green')} role="status">
              {t('accounts.forgotSent')}
            </Alert>
          ) : (
            <Text>{t('accounts.forgotIntro')}</Text>
          )}
          {error ? <ApiErrorAlert error={error} /> : null}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('accounts.forgotButton')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('accounts.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
