import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import { ManageNav } from '../../manage/ManageNav';
import { useReportErrorMessage } from '../../reports/errors';
import '../../reports/i18n';
import {
  REPORT_STATUSES,
  type ReportListItem,
  type ReportStatus,
  useDecideReport,
  useFacilityReport,
  useReportForm,
  useReportList,
} from '../../reports/queries';
import { ReportAnswers } from '../../reports/ReportFields';
import { ReportStatusBadge } from '../../reports/ReportStatusBadge';

const isStatus = (value: string | null): value is ReportStatus =>
  REPORT_STATUSES.includes(value as ReportStatus);

/**
 * Supervisors (and admins) read the yearly reports of the facilities in their area
 * (`/manage/reports?year=&status=`), the submitted ones first, and accept or return each.
 */
export function Component() {
  const { t } = useTranslation('reports');
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const asked = Number(search.get('year'));
  const year = years.includes(asked) ? asked : thisYear;
  const status = isStatus(search.get('status'))
    ? (search.get('status') as ReportStatus)
    : 'submitted';
  const list = useReportList(year, status);
  // Said here, not in the card: a decided report leaves the list of those waiting.
  const [decided, setDecided] = useState('');
  const choose = (change: Record<string, string>) =>
    setSearch({ year: String(year), status, ...change }, { replace: true });
  return (
    <Stack maw={960} mx="auto" gap="md">
      <ManageNav />
      <PageTitle>{t('decide.title')}</PageTitle>
      <Text>{t('decide.intro')}</Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('year')}
          value={String(year)}
          data={years.map(String)}
          onChange={(event) => choose({ year: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('decide.status')}
          value={status}
          data={REPORT_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          onChange={(event) => choose({ status: event.currentTarget.value })}
        />
      </Group>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data ? (
        <Text size="sm" aria-live="polite">
          {list.data.total === 0
            ? t('decide.empty')
            : t('decide.count', { count: list.data.total })}
        </Text>
      ) : null}
      <Text role="status" aria-live="polite" size="sm" fw={600}>
        {decided}
      </Text>
      {list.data?.items.map((item) => (
        <ReportCard key={item.id} item={item} onDecided={setDecided} />
      ))}
    </Stack>
  );
}

interface DecisionProps {
  item: ReportListItem;
  onDecided: (message: string) => void;
}

function ReportCard({ item, onDecided }: DecisionProps) {
  const { t } = useTranslation('reports');
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="md" component="article" aria-label={item.facilityName}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.facilityName}
            </Text>
            <Text size="sm">{item.place}</Text>
            {item.submittedAt ? (
              <Text size="sm">
                {t('decide.submittedAt', { at: formatDateTime(item.submittedAt) })}
              </Text>
            ) : null}
          </Stack>
          <ReportStatusBadge status={item.status} />
        </Group>
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setOpen((now) => !now)}
            aria-expanded={open}
          >
            {open ? t('decide.close') : t('decide.open', { facility: item.facilityName })}
          </Button>
        </Group>
        {open ? <ReportDecision item={item} onDecided={onDecided} /> : null}
      </Stack>
    </Card>
  );
}

function ReportDecision({ item, onDecided }: DecisionProps) {
  const { t } = useTranslation('reports');
  const errorMessage = useReportErrorMessage();
  const report = useFacilityReport(item.facilityId, item.year);
  const form = useReportForm(item.year);
  const decide = useDecideReport(item.facilityId, item.year);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  if (report.error)
    return <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoader />;
  const current = new Set((form.data?.fields ?? []).filter((f) => !f.retired).map((f) => f.key));
  const retired = new Set(
    report.data.fields.map((f) => f.key).filter((key) => form.data && !current.has(key)),
  );
  const act = (decision: 'accept' | 'return') => {
    if (decision === 'return' && comment.trim() === '') {
      setMissingComment(true);
      return;
    }
    decide.mutate(
      { decision, comment: comment.trim() },
      {
        onSuccess: () =>
          onDecided(
            t(decision === 'accept' ? 'decide.accepted' : 'decide.returned', {
              facility: item.facilityName,
            }),
          ),
      },
    );
  };
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('decide.answers')}</Text>
      <ReportAnswers
        fields={report.data.fields}
        values={report.data.values}
        retiredKeys={retired}
      />
      {report.data.status === 'submitted' ? (
        <>
          <Textarea
            label={t('decide.comment')}
            value={comment}
            autosize
            minRows={2}
            error={missingComment ? t('decide.commentNeeded') : undefined}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              setMissingComment(false);
            }}
          />
          {decide.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(decide.error)}
            </Alert>
          ) : null}
          <Group>
            <Button loading={decide.isPending} onClick={() => act('accept')}>
              {t('decide.accept')}
            </Button>
            <Button variant="default" loading={decide.isPending} onClick={() => act('return')}>
              {t('decide.return')}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
