import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import { fieldProblems, useReportErrorMessage } from '../../reports/errors';
import '../../reports/i18n';
import {
  type Answer,
  type Answers,
  type FacilityReport,
  type ReportForm,
  useFacilityReport,
  useReportForm,
  useSaveReport,
} from '../../reports/queries';
import { ReportAnswers, ReportFields } from '../../reports/ReportFields';
import { ReportStatusBadge } from '../../reports/ReportStatusBadge';
import '../../studio/i18n';
import { useStudioFacilities } from '../../studio/queries';
import { StudioNav } from '../../studio/StudioNav';

/** The years a facility reports for: this one and the two before. */
function reportYears(): number[] {
  const now = new Date().getFullYear();
  return [now, now - 1, now - 2];
}

/**
 * A facility's yearly report (`/studio/facilities/:facilityId/reports?year=`), for its facility
 * admins: the year's form, answered and saved as a draft, then submitted before the deadline.
 * Without a facility in the address: the facilities the person manages, or straight to the one.
 */
export function Component() {
  const { t } = useTranslation('reports');
  const { facilityId } = useParams();
  const [search, setSearch] = useSearchParams();
  const years = reportYears();
  const asked = Number(search.get('year'));
  const year = years.includes(asked) ? asked : years[0]!;
  const facilities = useStudioFacilities();
  const managed = facilities.data?.items.filter((facility) => facility.approver) ?? [];
  const facility = managed.find((item) => item.id === facilityId);
  if (!facilityId && managed.length === 1)
    return <Navigate replace to={`/studio/facilities/${managed[0]!.id}/reports`} />;
  return (
    <Stack maw={800} mx="auto" gap="md">
      <StudioNav />
      <PageTitle>
        {facility ? t('fill.titleOf', { year, facility: facility.name }) : t('fill.title')}
      </PageTitle>
      <Text>{t('fill.intro')}</Text>
      {facilities.isPending ? <PageLoader /> : null}
      {facilities.isError ? (
        <ApiErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : null}
      {facilities.data && managed.length === 0 ? <Text>{t('fill.noFacility')}</Text> : null}
      {facilityId ? (
        <>
          <NativeSelect
            label={t('year')}
            value={String(year)}
            data={years.map(String)}
            onChange={(event) => setSearch({ year: event.currentTarget.value }, { replace: true })}
            maw={200}
          />
          <YearReport key={`${facilityId}-${year}`} facilityId={facilityId} year={year} />
        </>
      ) : managed.length > 1 ? (
        <>
          <Text>{t('fill.choose')}</Text>
          <List>
            {managed.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/studio/facilities/${item.id}/reports`}>
                  {item.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}

function YearReport({ facilityId, year }: { facilityId: string; year: number }) {
  const { t } = useTranslation('reports');
  const form = useReportForm(year);
  const report = useFacilityReport(facilityId, year);
  const failed = form.error ?? report.error;
  if (failed)
    return (
      <ApiErrorAlert
        error={failed}
        onRetry={() => {
          void form.refetch();
          void report.refetch();
        }}
      />
    );
  if (form.data === undefined || report.data === undefined) return <PageLoader />;
  if (form.data === null) return <Text>{t('fill.noForm', { year })}</Text>;
  return <ReportEditor facilityId={facilityId} form={form.data} report={report.data} />;
}

function ReportEditor({
  facilityId,
  form,
  report,
}: {
  facilityId: string;
  form: ReportForm;
  report: FacilityReport | null;
}) {
  const { t } = useTranslation('reports');
  const errorMessage = useReportErrorMessage();
  const save = useSaveReport(facilityId, form.year);
  const [values, setValues] = useState<Answers>(report?.values ?? {});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const status = report?.status ?? 'none';
  const editable = status === 'none' || status === 'draft' || status === 'returned';
  // A change answers the last refusal or confirmation: neither is left standing beside it.
  const change = (key: string, value: Answer | undefined) => {
    setDone(null);
    save.reset();
    setValues((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  };
  const send = (submit: boolean) => {
    setConfirming(false);
    save.mutate({ values, submit }, { onSuccess: () => setDone(submit ? 'submitted' : 'saved') });
  };
  return (
    <Stack gap="md">
      <Group gap="sm">
        <ReportStatusBadge status={status} />
        <Text size="sm">{t('fill.deadline', { at: formatDateTime(form.deadline) })}</Text>
      </Group>
      {report?.comment ? (
        <Alert color={status === 'returned' ? 'orange' : 'blue'} variant="light">
          {t(status === 'returned' ? 'fill.returnedComment' : 'fill.comment', {
            comment: report.comment,
          })}
        </Alert>
      ) : null}
      {editable ? (
        <>
          <ReportFields
            fields={form.fields.filter((field) => !field.retired)}
            values={values}
            problems={fieldProblems(save.error)}
            onChange={change}
          />
          {save.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button variant="default" loading={save.isPending} onClick={() => send(false)}>
              {t('fill.save')}
            </Button>
            <Button loading={save.isPending} onClick={() => setConfirming(true)}>
              {t('fill.submit')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text>{t('fill.readOnly')}</Text>
          <ReportAnswers fields={report?.fields ?? []} values={report?.values ?? {}} />
        </>
      )}
      <Text role="status" aria-live="polite" size="sm">
        {done ? t(done === 'saved' ? 'fill.saved' : 'fill.submitted') : ''}
      </Text>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('fill.submit')}>
        <Stack>
          <Text>{t('fill.confirmSubmit')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('fill.cancel')}
            </Button>
            <Button onClick={() => send(true)}>{t('fill.submit')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
