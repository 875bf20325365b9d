import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { saveBlob } from '../components/save-blob';

/**
 * The person's own learning records as xAPI statements, one file, to take to another system
 * (docs/xapi.md, A learner's own statements).
 */
export function LearningRecordsCard() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/me/xapi-statements/download')),
    onSuccess: (body) =>
      saveBlob(
        new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
        'xapi-statements.json',
      ),
  });
  return (
    <Card withBorder padding="lg">
      <Stack align="flex-start">
        <Title order={2} size="h3">
          {t('accounts.learningRecordsTitle')}
        </Title>
        <Text size="sm">{t('accounts.learningRecordsHint')}</Text>
        {download.error ? <ApiErrorAlert error={download.error} /> : null}
        <Button variant="default" loading={download.isPending} onClick={() => download.mutate()}>
          {t('accounts.learningRecordsDownload')}
        </Button>
      </Stack>
    </Card>
  );
}
