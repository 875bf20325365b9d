import { Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime, formatPercent } from '../../format';
import type { Lesson } from '../../learner/queries';
import { formatBytes } from './video-upload';

const REASONS = [
  'zip',
  'entry-path',
  'entry-link',
  'entry-encrypted',
  'entry-compression',
  'entry-duplicate',
  'entry-checksum',
  'too-many-entries',
  'too-large',
  'compression-ratio',
  'missing-structure',
  'structure',
  'launch-url',
] as const;

const packageKey = (lessonId: string) => ['cmi5-package', lessonId] as const;

/** The lesson's cmi5 package: what it is and how it completes, and uploading one. */
export function Cmi5Panel({ lesson, editable }: { lesson: Lesson; editable: boolean }) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const current = useQuery({
    queryKey: packageKey(lesson.id),
    queryFn: async () => {
      try {
        return await unwrap(
          api.GET('/api/v1/lessons/{id}/cmi5-package', { params: { path: { id: lesson.id } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CMI5_PACKAGE_NOT_FOUND') return null;
        throw error;
      }
    },
  });
  const upload = useMutation({
    mutationFn: (zip: File) => {
      const form = new FormData();
      form.append('file', zip);
      return unwrap(
        api.POST('/api/v1/lessons/{id}/cmi5-package', {
          params: { path: { id: lesson.id } },
          // Sent as multipart: the browser writes the boundary.
          body: form as unknown as { file: string },
        }),
      );
    },
    onSuccess: (created) => {
      setFile(null);
      queryClient.setQueryData(packageKey(lesson.id), created);
    },
  });
  const refusal = (error: unknown): string | null => {
    if (!(error instanceof ApiError) || error.code !== 'CMI5_PACKAGE_INVALID') return null;
    const reason = REASONS.find((known) => known === error.details?.reason) ?? 'other';
    return t('cmi5.refused', { reason: t(`cmi5.reasons.${reason}`) });
  };
  const data = current.data;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="cmi5-package-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="cmi5-package-title">
          {t('cmi5.heading')}
        </Title>
        {current.isError ? (
          <ApiErrorAlert error={current.error} onRetry={() => void current.refetch()} />
        ) : null}
        {data === null ? <Text size="sm">{t('cmi5.none')}</Text> : null}
        {data ? (
          <Stack gap={4}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {t('cmi5.current', { title: data.title })}
            </Text>
            <Text size="sm">
              {t('cmi5.details', {
                files: data.fileCount,
                size: formatBytes(data.byteSize),
                date: formatDateTime(data.uploadedAt),
              })}
            </Text>
            <Text size="sm">{t('cmi5.moveOn', { rule: t(`cmi5.moveOns.${data.moveOn}`) })}</Text>
            {data.masteryScore !== null ? (
              <Text size="sm">
                {t('cmi5.masteryScore', { percent: formatPercent(data.masteryScore * 100) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {editable ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label={t('cmi5.file')}
              description={data ? t('cmi5.replaceHint') : t('cmi5.fileHint')}
              accept=".zip,application/zip"
              value={file}
              onChange={setFile}
              miw={240}
              style={{ flex: 1 }}
            />
            <Button
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              {t('cmi5.upload')}
            </Button>
          </Group>
        ) : null}
        {upload.isSuccess ? (
          <Text size="sm" c="teal.9" role="status">
            {t('cmi5.uploaded', { title: upload.data.title })}
          </Text>
        ) : null}
        {upload.isError ? (
          refusal(upload.error) ? (
            <Text size="sm" c="red.9" role="alert">
              {refusal(upload.error)}
            </Text>
          ) : (
            <ApiErrorAlert error={upload.error} />
          )
        ) : null}
      </Stack>
    </Card>
  );
}
