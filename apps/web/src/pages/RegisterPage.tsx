import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { safeReturnPath } from './return-path';

export function Component() {
  const { t } = useTranslation();
  const { register } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  // The server's rules (RegisterDto): a valid email, a name, a password of 8+ characters.
  const form = useForm({
    initialValues: { fullName: '', email: '', password: '' },
    validate: {
      fullName: (value) => (value.trim() ? null : t('auth.fullNameRequired')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value) ? null : t('auth.emailInvalid')),
      password: (value) => (value.length >= 8 ? null : t('auth.passwordTooShort')),
    },
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder>
      <PageTitle>{t('auth.registerTitle')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          try {
            await register(values.fullName.trim(), values.email.trim(), values.password);
            await navigate(safeReturnPath(params.get('returnTo')) ?? '/courses');
          } catch (caught) {
            if (caught instanceof ApiError && caught.code === 'EMAIL_TAKEN') {
              form.setFieldError('email', t('errors.EMAIL_TAKEN'));
            } else {
              setError(caught);
            }
          }
        })}
      >
        <Stack>
          {error ? <ApiErrorAlert error={error} /> : null}
          <TextInput
            label={t('auth.fullName')}
            autoComplete="name"
            required
            {...form.getInputProps('fullName')}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('auth.registerButton')}
          </Button>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('nav.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
