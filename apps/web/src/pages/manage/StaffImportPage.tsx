import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ApiErrorAlert, useErrorMessage } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { saveBlob } from '../../components/save-blob';
import { formatNumber, formatPercent } from '../../format';
import { errorReport } from '../../manage/imports/error-report';
import { LineErrors } from '../../manage/imports/LineErrors';
import {
  isSettled,
  type StaffImport,
  useStaffImport,
  useUploadStaff,
} from '../../manage/imports/queries';
import { MANAGE_STAFF_NS } from '../../manage/staff/i18n';
import { ManageNav } from '../../manage/ManageNav';
import { formatBytes } from '../../studio/editor/video-upload';

const COLUMNS = [
  'employeeCode',
  'fullName',
  'email',
  'orgUnitCode',
  'position',
  'jobGrade',
] as const;
const EXAMPLE = `employeeCode,fullName,email,orgUnitCode,position,jobGrade
CB0001,Nguyễn Văn An,an.nguyen@example.vn,BGDDT-VP,Chuyên viên,A1`;

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

export function Component() {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const [params, setParams] = useSearchParams();
  // The import's id is in the address: a reload keeps watching a queued or running import.
  const importId = params.get('import') ?? undefined;
  const report = useStaffImport(importId);
  const upload = useUploadStaff();
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const errorMessage = useUploadErrorMessage();

  const choose = (chosen: File | null) => {
    setRefused(chosen && !isCsv(chosen) ? t('imports.notCsv', { name: chosen.name }) : null);
    setFile(chosen && isCsv(chosen) ? chosen : null);
    upload.reset();
  };
  const send = (toSend: File) =>
    upload.mutate(toSend, {
      onSuccess: ({ importId: id }) => setParams({ import: id }),
    });
  const running = importId !== undefined && !isSettled(report.data);

  return (
    <Stack maw={1000} mx="auto" gap="md">
      <ManageNav />
      <PageTitle>{t('imports.title')}</PageTitle>
      <Text>{t('imports.intro')}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="import-format">
        <Title order={2} size="h4" id="import-format" mb="xs">
          {t('imports.formatTitle')}
        </Title>
        <Text size="sm" mb="xs">
          {t('imports.formatIntro')}
        </Text>
        <List size="sm" spacing={2}>
          {COLUMNS.map((column) => (
            <List.Item key={column}>
              <Code>{column}</Code>: {t(`imports.columns.${column}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="xs" fw={500}>
          {t('imports.example')}
        </Text>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {EXAMPLE}
        </Code>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <FileInput
            label={t('imports.choose')}
            description={t('imports.dropzoneHint')}
            accept=".csv,text/csv"
            value={file}
            onChange={choose}
            clearable
            disabled={upload.isPending}
          />
          {refused ? (
            <Alert color="red" role="alert">
              {refused}
            </Alert>
          ) : null}
          {file ? (
            <Text size="sm">
              {t('imports.chosen', { name: file.name, size: formatBytes(file.size) })}
            </Text>
          ) : null}
          <Group gap="sm">
            <Button
              onClick={() => file && send(file)}
              disabled={!file || running}
              loading={upload.isPending}
            >
              {report.data && file ? t('imports.rerun') : t('imports.upload')}
            </Button>
          </Group>
          {upload.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(upload.error)}
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {importId && report.isError ? (
        <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : null}
      {report.data ? <ImportReport report={report.data} /> : null}
    </Stack>
  );
}

/** The api's refusal of an upload, said with this page's own texts where it has them. */
function useUploadErrorMessage() {
  const { t, i18n } = useTranslation(MANAGE_STAFF_NS);
  const general = useErrorMessage();
  return (error: unknown) => {
    const key = `imports.errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: MANAGE_STAFF_NS })
      ? t(key as 'imports.errors.STAFF_IMPORT_EMPTY')
      : general(error);
  };
}

function ImportReport({ report }: { report: StaffImport }) {
  const { t } = useTranslation(MANAGE_STAFF_NS);
  const share = report.total > 0 ? (report.processed / report.total) * 100 : 0;
  const settled = isSettled(report);
  const download = () =>
    saveBlob(
      errorReport(report, { line: t('imports.line'), message: t('imports.message') }),
      `staff-import-${report.id}-errors.csv`,
    );
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="import-progress">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="import-progress">
            {t('imports.progressTitle')}
          </Title>
          <Badge
            color={
              report.status === 'failed'
                ? 'red.8'
                : report.status === 'completed'
                  ? 'teal.9'
                  : 'blue.9'
            }
          >
            {t(`imports.status.${report.status}`)}
          </Badge>
        </Group>
        <Progress
          value={settled && report.status === 'completed' ? 100 : share}
          size="lg"
          aria-label={t('imports.progressLabel')}
          animated={!settled}
        />
        <Text size="sm" mt="xs" aria-live="polite">
          {report.total > 0 || settled
            ? `${t('imports.processed', {
                processed: formatNumber(report.processed),
                total: formatNumber(report.total),
              })} (${formatPercent(share)})`
            : t('imports.waitingTotal')}
        </Text>
        <SimpleGrid cols={{ base: 3 }} mt="sm">
          <Figure label={t('imports.created')} value={report.created} />
          <Figure label={t('imports.updated')} value={report.updated} />
          <Figure label={t('imports.failed')} value={report.failed} />
        </SimpleGrid>
        {report.failure ? (
          <Alert color="red" mt="sm" role="alert">
            {t('imports.failure', { reason: report.failure })}
          </Alert>
        ) : null}
      </Paper>
      {settled && report.status === 'completed' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-errors">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="import-errors">
              {t('imports.errorsTitle')}
            </Title>
            {report.errors.length > 0 ? (
              <Button variant="light" onClick={download}>
                {t('imports.downloadErrors')}
              </Button>
            ) : null}
          </Group>
          {report.errors.length === 0 ? (
            <Text>{t('imports.noErrors')}</Text>
          ) : (
            <Stack gap="xs">
              {report.errors.length < report.failed ? (
                <Text size="sm">
                  {t('imports.errorsCap', {
                    shown: formatNumber(report.errors.length),
                    failed: formatNumber(report.failed),
                  })}
                </Text>
              ) : null}
              <LineErrors errors={report.errors} />
              <Text size="sm">{t('imports.fixAndRerun')}</Text>
            </Stack>
          )}
          <Anchor component={Link} to="/manage/staff" mt="sm" display="inline-block">
            {t('imports.seeStaff')}
          </Anchor>
        </Paper>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {formatNumber(value)}
      </Text>
    </div>
  );
}
