import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatNumber } from '../../format';
import { ActionCard, AddActionForm } from '../../inspections/ActionViews';
import { CriteriaView } from '../../inspections/CriteriaView';
import { useInspectionErrorMessage } from '../../inspections/errors';
import { EvidenceLinks, InspectionFacts } from '../../inspections/InspectionParts';
import {
  type Criterion,
  EVIDENCE_ACCEPT,
  type Inspection,
  usePublishInspection,
  useRecordScores,
  useUploadEvidence,
  useInspection,
  weightedTotal,
} from '../../inspections/queries';
import { ManageNav } from '../../manage/ManageNav';

/**
 * One inspection for its inspectors (`/manage/inspections/:id`): scores, notes and evidence per
 * criterion with the weighted result computed as they type, publishing, and follow-up actions.
 */
export function Component() {
  const { t } = useTranslation('inspections');
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  return (
    <Stack maw={960} mx="auto" gap="md">
      <ManageNav />
      <Anchor component={Link} to="/manage/inspections" size="sm">
        {t('overdue.back')}
      </Anchor>
      {inspection.isPending ? <PageLoader /> : null}
      {inspection.isError ? (
        <ApiErrorAlert error={inspection.error} onRetry={() => void inspection.refetch()} />
      ) : null}
      {inspection.data ? <InspectionSheet inspection={inspection.data} /> : null}
    </Stack>
  );
}

function InspectionSheet({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  return (
    <Stack gap="md">
      <PageTitle>{t('record.title', { target: inspection.targetName })}</PageTitle>
      <InspectionFacts inspection={inspection} withTotal={inspection.status === 'published'} />
      {inspection.status === 'published' ? (
        <>
          <Text>{t('record.readOnly', { at: formatDateTime(inspection.publishedAt ?? '') })}</Text>
          {inspection.summary ? <Text>{inspection.summary}</Text> : null}
          <CriteriaView criteria={inspection.criteria} />
        </>
      ) : (
        <ScoreSheet inspection={inspection} />
      )}
      <Title order={2} size="h3">
        {t('actions.title')}
      </Title>
      {inspection.actions.length === 0 ? <Text size="sm">{t('actions.empty')}</Text> : null}
      {inspection.actions.map((action) => (
        <ActionCard key={action.id} action={action} />
      ))}
      <AddActionForm inspection={inspection} />
    </Stack>
  );
}

type Draft = Record<number, { score: number | null; note: string }>;

const draftOf = (criteria: Criterion[]): Draft =>
  Object.fromEntries(
    criteria.map((criterion) => [
      criterion.position,
      { score: criterion.score, note: criterion.note ?? '' },
    ]),
  );

const isScore = (value: number | null) =>
  value === null || (Number.isInteger(value) && value >= 0 && value <= 100);

function ScoreSheet({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const errorMessage = useInspectionErrorMessage();
  const record = useRecordScores(inspection.id);
  const publish = usePublishInspection(inspection.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(inspection.criteria));
  const [summary, setSummary] = useState(inspection.summary ?? '');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'saved' | 'published' | null>(null);
  const total = weightedTotal(
    inspection.criteria.map((criterion) => ({
      weight: criterion.weight,
      score: draft[criterion.position]?.score ?? null,
    })),
  );
  const valid = Object.values(draft).every((entry) => isScore(entry.score));
  const change = (position: number, patch: Partial<Draft[number]>) => {
    setDone(null);
    record.reset();
    publish.reset();
    setDraft((current) => ({
      ...current,
      [position]: { score: null, note: '', ...current[position], ...patch },
    }));
  };
  const body = () => ({
    scores: inspection.criteria.map((criterion) => ({
      position: criterion.position,
      score: draft[criterion.position]?.score ?? null,
      note: draft[criterion.position]?.note.trim() || null,
    })),
    summary: summary.trim() || null,
  });
  const save = () => {
    if (!valid) return;
    record.mutate(body(), { onSuccess: () => setDone('saved') });
  };
  const saveAndPublish = async () => {
    setConfirming(false);
    if (!valid) return;
    try {
      await record.mutateAsync(body());
      await publish.mutateAsync();
      setDone('published');
    } catch {
      // Shown from the mutation's error below.
    }
  };
  const failure = record.error ?? publish.error;
  return (
    <Stack gap="md">
      {inspection.criteria.map((criterion) => {
        const entry = draft[criterion.position];
        return (
          <Card
            key={criterion.position}
            withBorder
            padding="sm"
            component="section"
            aria-label={criterion.label}
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {criterion.label}
                </Text>
                <Text size="sm">{t('weight', { weight: criterion.weight })}</Text>
              </Group>
              <NumberInput
                label={t('record.score', { criterion: criterion.label })}
                maw={260}
                min={0}
                max={100}
                allowDecimal={false}
                value={entry?.score ?? ''}
                error={entry && !isScore(entry.score) ? t('record.scoreRange') : null}
                onChange={(value) =>
                  change(criterion.position, { score: typeof value === 'number' ? value : null })
                }
              />
              <Textarea
                label={t('record.note', { criterion: criterion.label })}
                autosize
                minRows={2}
                value={entry?.note ?? ''}
                onChange={(event) =>
                  change(criterion.position, { note: event.currentTarget.value })
                }
              />
              <EvidenceLinks files={criterion.evidence} />
              <CriterionUpload inspectionId={inspection.id} criterion={criterion} />
            </Stack>
          </Card>
        );
      })}
      <Textarea
        label={t('record.summary')}
        autosize
        minRows={3}
        value={summary}
        onChange={(event) => {
          setDone(null);
          setSummary(event.currentTarget.value);
        }}
      />
      <Text fw={700} aria-live="polite">
        {total === null ? t('noTotal') : t('total', { total: formatNumber(total) })}
      </Text>
      {failure ? (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      ) : null}
      <Group>
        <Button variant="default" loading={record.isPending} onClick={save}>
          {t('record.save')}
        </Button>
        <Button loading={publish.isPending} onClick={() => setConfirming(true)}>
          {t('record.publish')}
        </Button>
      </Group>
      <Text role="status" aria-live="polite" size="sm">
        {done === 'saved'
          ? t('record.saved')
          : done === 'published'
            ? t('record.published', { target: inspection.targetName })
            : ''}
      </Text>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('record.publish')}>
        <Stack>
          <Text>{t('record.confirmPublish')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('record.cancel')}
            </Button>
            <Button onClick={() => void saveAndPublish()}>{t('record.publish')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function CriterionUpload({
  inspectionId,
  criterion,
}: {
  inspectionId: string;
  criterion: Criterion;
}) {
  const { t } = useTranslation('inspections');
  const errorMessage = useInspectionErrorMessage();
  const upload = useUploadEvidence(inspectionId);
  return (
    <Stack gap={4}>
      <FileInput
        label={t('record.addEvidence', { criterion: criterion.label })}
        accept={EVIDENCE_ACCEPT}
        maw={420}
        value={null}
        disabled={upload.isPending}
        onChange={(file) => {
          if (file) upload.mutate({ file, criterion: criterion.position });
        }}
      />
      {upload.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(upload.error)}
        </Alert>
      ) : null}
      <Text role="status" aria-live="polite" size="sm">
        {upload.data ? t('record.uploaded', { name: upload.data.fileName }) : ''}
      </Text>
    </Stack>
  );
}
