import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showToast } from '../components/toasts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { newPasswordProblem, PASSWORD_MAX } from './password-rules';
import { sessionKeys } from './SessionsCard';

/** Changes the password with the current one; the api ends every other session. */
export function ChangePasswordCard({ email }: { email: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (value) => (value.length > 0 ? null : t('accounts.currentPasswordWrong')),
      newPassword: (value) => newPasswordProblem(t, value, email),
      confirm: (value, values) =>
        value === values.newPassword ? null : t('accounts.passwordsDiffer'),
    },
  });
  return (
    <Card withBorder padding="lg">
      <form
        noValidate
        onSubmit={form.onSubmit(async ({ currentPassword, newPassword }) => {
          setError(null);
          try {
            await unwrap(
              api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } }),
            );
            form.reset();
            await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
            showToast({ color: 'green', message: t('accounts.passwordChanged') });
          } catch (caught) {
            const fields = caught instanceof ApiError ? caught.details?.fields : undefined;
            if (fields && typeof fields === 'object' && 'currentPassword' in fields)
              form.setFieldError('currentPassword', t('accounts.currentPasswordWrong'));
            else if (fields && typeof fields === 'object' && 'newPassword' in fields)
              form.setFieldError('newPassword', t('accounts.passwordRules'));
            else setError(caught);
          }
        })}
      >
        <Stack>
          <Title order={2} size="h3">
            {t('accounts.changePasswordTitle')}
          </Title>
          <Text size="sm">{t('accounts.changePasswordHint')}</Text>
          {error ? <ApiErrorAlert error={error} /> : null}
          <PasswordInput
            label={t('accounts.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('accounts.newPassword')}
            description={t('accounts.passwordRules')}
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX}
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('accounts.confirmPassword')}
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX}
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('accounts.changePasswordButton')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
