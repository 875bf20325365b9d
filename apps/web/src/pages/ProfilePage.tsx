import { Button, Card, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordCard } from '../accounts/ChangePasswordCard';
import { LearningRecordsCard } from '../accounts/LearningRecordsCard';
import { SessionsCard } from '../accounts/SessionsCard';
import { api, ApiError, unwrap } from '../api/client';
import { type User, useSession } from '../auth/session';
import { showToast } from '../components/toasts';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { currentTimeZone, DEFAULT_TIME_ZONE, setTimeZone } from '../format';
import { isLanguage, setLanguage } from '../i18n';

/** The zones people here use most, first; then every zone the browser knows. */
const COMMON_ZONES = [DEFAULT_TIME_ZONE, 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'UTC'];

function timeZones(): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...COMMON_ZONES, ...all.filter((zone) => !COMMON_ZONES.includes(zone))];
}

/** `PATCH /api/v1/me` → user (api.md). */
type MeUpdate = { fullName?: string; locale?: string; timeZone?: string };
type MeClient = {
  PATCH(
    path: '/api/v1/me',
    init: { body: MeUpdate },
  ): Promise<{ data?: User & { timeZone?: string | null }; error?: unknown; response: Response }>;
};
const updateMe = (body: MeUpdate) => (api as unknown as MeClient).PATCH('/api/v1/me', { body });

/** The server's rules (UpdateMeDto): a name of 1–200 characters. */
const MAX_NAME = 200;

export function Component() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZones(), []);
  const [error, setError] = useState<unknown>(null);
  const me: (User & { timeZone?: string | null }) | null | undefined = user;
  const form = useForm({
    initialValues: {
      fullName: me?.fullName ?? '',
      locale: isLanguage(me?.locale) ? me.locale : 'vi',
      timeZone: me?.timeZone ?? currentTimeZone(),
    },
    validate: {
      fullName: (value) =>
        !value.trim()
          ? t('auth.fullNameRequired')
          : value.trim().length > MAX_NAME
            ? t('profile.nameTooLong', { max: MAX_NAME })
            : null,
    },
  });
  return (
    <Stack maw={560} mx="auto" gap="md">
      <PageTitle>{t('profile.title')}</PageTitle>
      <Card withBorder padding="lg">
        <form
          noValidate
          onSubmit={form.onSubmit(async (values) => {
            setError(null);
            try {
              const body = {
                fullName: values.fullName.trim(),
                locale: values.locale,
                timeZone: values.timeZone,
              };
              const updated = await unwrap(updateMe(body));
              queryClient.setQueryData(['me', true], updated);
              if (isLanguage(updated.locale)) void setLanguage(updated.locale);
              setTimeZone((updated as { timeZone?: string | null }).timeZone ?? values.timeZone);
              showToast({ color: 'green', message: t('profile.saved') });
            } catch (caught) {
              const fields = caught instanceof ApiError ? caught.details?.fields : undefined;
              if (fields && typeof fields === 'object') {
                for (const name of ['fullName', 'locale', 'timeZone'] as const)
                  if (name in fields) form.setFieldError(name, t(`profile.invalid.${name}`));
              } else setError(caught);
            }
          })}
        >
          <Stack>
            {error ? <ApiErrorAlert error={error} /> : null}
            <Text size="sm">
              {t('auth.email')}: <strong>{me?.email}</strong>
            </Text>
            <TextInput
              label={t('auth.fullName')}
              autoComplete="name"
              required
              maxLength={MAX_NAME}
              {...form.getInputProps('fullName')}
            />
            <NativeSelect
              label={t('profile.language')}
              data={[
                { value: 'vi', label: t('language.vi') },
                { value: 'en', label: t('language.en') },
              ]}
              {...form.getInputProps('locale')}
            />
            <NativeSelect
              label={t('profile.timeZone')}
              description={t('profile.timeZoneHint')}
              data={zones}
              {...form.getInputProps('timeZone')}
            />
            <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
              {t('profile.save')}
            </Button>
          </Stack>
        </form>
      </Card>
      {me ? <ChangePasswordCard email={me.email} /> : null}
      <SessionsCard />
      <LearningRecordsCard />
    </Stack>
  );
}
