import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The api's error in the person's language, by its code, with a retry when one makes sense. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'UNKNOWN';
    const key = `errors.${code}`;
    return i18n.exists(key) ? t(key as 'errors.UNKNOWN') : t('errors.UNKNOWN');
  };
}

export function ApiErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" role="alert" variant="light">
      <Group justify="space-between" wrap="nowrap">
        <span>{message(error)}</span>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
