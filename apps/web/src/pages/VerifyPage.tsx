import { Alert, Anchor, Button, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { readableAlert, readableColor } from '../components/readable-badge';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { displaySerial, parseSerial } from '../certificates/serial';
import { formatDate, formatNumber } from '../format';

const STATUS_COLORS = { valid: 'green', expired: 'orange', revoked: 'red' } as const;

function Result({ serial }: { serial: string }) {
  const { t } = useTranslation();
  const result = useQuery({
    queryKey: ['verify', serial],
    queryFn: () => unwrap(api.GET('/api/v1/verify/{serial}', { params: { path: { serial } } })),
  });
  if (result.isPending) return <PageLoader />;
  if (result.isError) {
    if (result.error instanceof ApiError && result.error.code === 'CERTIFICATE_NOT_FOUND')
      return (
        <Alert {...readableAlert('red')} role="alert" title={t('verify.notFoundTitle')}>
          {t('verify.notFound', { serial: displaySerial(serial) })}
        </Alert>
      );
    return <ApiErrorAlert error={result.error} onRetry={() => void result.refetch()} />;
  }
  const data = result.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-result">
      <Stack gap="sm">
        <Alert
          id="verify-result"
          {...readableAlert(STATUS_COLORS[data.status])}
          role="status"
          title={t(`verify.status.${data.status}`)}
        >
          {t(`verify.statusBody.${data.status}`)}
        </Alert>
        <List spacing={4} listStyleType="none">
          <List.Item>
            {t('verify.serial')}: <strong>{displaySerial(data.serial)}</strong>
          </List.Item>
          <List.Item>
            {t('verify.holder')}: <strong>{data.holderName}</strong>
          </List.Item>
          <List.Item>
            {t('verify.course')}: <strong>{data.courseTitle}</strong>
            {data.hours !== null
              ? ` (${t('catalogue.hours', { hours: formatNumber(data.hours) })})`
              : ''}
          </List.Item>
          <List.Item>
            {t('verify.facility')}: {data.facilityName}
          </List.Item>
          <List.Item>
            {t('verify.issuedAt')}: {formatDate(data.issuedAt)}
          </List.Item>
          {data.expiresAt ? (
            <List.Item>
              {t('verify.expiresAt')}: {formatDate(data.expiresAt)}
            </List.Item>
          ) : null}
          {data.revokedAt ? (
            <List.Item>
              {t('verify.revokedAt')}: {formatDate(data.revokedAt)}
              {data.revocationReason ? ` · ${data.revocationReason}` : ''}
            </List.Item>
          ) : null}
        </List>
        {/* The api's own page: a full navigation, not a route of this app. */}
        <Anchor href={`/verify/${data.serial}`}>{t('verify.publicPage')}</Anchor>
      </Stack>
    </Paper>
  );
}

export function Component() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('serial') ?? '';
  const serial = asked ? parseSerial(asked) : null;
  const [typed, setTyped] = useState(asked);
  const [error, setError] = useState<string | null>(null);
  // The back button changes the URL: the box follows it (adjusted while rendering, no effect).
  const [shownAsked, setShownAsked] = useState(asked);
  if (shownAsked !== asked) {
    setShownAsked(asked);
    setTyped(asked);
  }

  return (
    <Stack maw={640} mx="auto" gap="md">
      <PageTitle>{t('verify.title')}</PageTitle>
      <Text>{t('verify.intro')}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseSerial(typed.trim());
          if (!parsed) {
            setError(typed.trim() ? t('errors.SERIAL_MALFORMED') : t('verify.required'));
            return;
          }
          setError(null);
          setParams({ serial: displaySerial(parsed) });
        }}
      >
        <Stack gap="sm" align="flex-start">
          <TextInput
            label={t('verify.serial')}
            description={t('verify.serialHint')}
            placeholder="7KQ4-M2XD-9FHT-B3"
            value={typed}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            // Mantine's red error text and the red typed value fall below 4.5:1.
            styles={{
              error: { color: readableColor('red') },
              input: { color: 'var(--mantine-color-text)' },
            }}
            maxLength={64}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            w="100%"
          />
          <Button type="submit">{t('verify.submit')}</Button>
        </Stack>
      </form>
      {asked && !serial ? (
        <Alert color="red" role="alert">
          {t('errors.SERIAL_MALFORMED')}
        </Alert>
      ) : null}
      {serial ? <Result serial={serial} /> : null}
    </Stack>
  );
}
