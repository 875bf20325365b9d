import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { useInspectionErrorMessage } from './errors';
import { ActionStatusBadge, EvidenceLinks } from './InspectionParts';
import {
  EVIDENCE_ACCEPT,
  type FollowUpAction,
  formatCalendarDay,
  type Inspection,
  useAddAction,
  useCloseAction,
  useUploadEvidence,
} from './queries';

/** One follow-up action: what, who, by when, its state and evidence; `children` act on it. */
export function ActionCard({
  action,
  children,
}: {
  action: FollowUpAction;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation('inspections');
  return (
    <Card withBorder padding="sm" component="article" aria-label={action.title}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {action.title}
          </Text>
          <ActionStatusBadge action={action} />
        </Group>
        <Text size="sm">{t('actions.ownerIs', { name: action.ownerName })}</Text>
        <Text size="sm">{t('actions.due', { day: formatCalendarDay(action.dueOn) })}</Text>
        {action.closedAt ? (
          <Text size="sm">{t('actions.closedAt', { at: formatDateTime(action.closedAt) })}</Text>
        ) : null}
        {action.closingNote ? (
          <Text size="sm">{t('actions.closingNote', { note: action.closingNote })}</Text>
        ) : null}
        <EvidenceLinks files={action.evidence} />
        {children}
      </Stack>
    </Card>
  );
}

/** The inspectors' form that gives the inspected unit a follow-up action. */
export function AddActionForm({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation('inspections');
  const errorMessage = useInspectionErrorMessage();
  const add = useAddAction(inspection.id);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  if (inspection.unitAdmins.length === 0) return <Text size="sm">{t('actions.noOwner')}</Text>;
  const required = (value: string) => (checked && value.trim() === '' ? t('plan.required') : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setDone(false);
    if (!title.trim() || !ownerId || !dueOn) return;
    add.mutate(
      { title: title.trim(), ownerId, dueOn },
      {
        onSuccess: () => {
          setTitle('');
          setDueOn('');
          setChecked(false);
          setDone(true);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('actions.what')}
          required
          value={title}
          error={required(title)}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('actions.owner')}
            required
            value={ownerId}
            error={required(ownerId)}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
            data={[
              { value: '', label: t('actions.chooseOwner') },
              ...inspection.unitAdmins.map((admin) => ({
                value: admin.userId,
                label: admin.fullName,
              })),
            ]}
          />
          <TextInput
            type="date"
            label={t('actions.dueOn')}
            required
            value={dueOn}
            error={required(dueOn)}
            onChange={(event) => setDueOn(event.currentTarget.value)}
          />
        </Group>
        {add.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(add.error)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" variant="default" loading={add.isPending}>
            {t('actions.add')}
          </Button>
        </Group>
        <Text role="status" aria-live="polite" size="sm">
          {done ? t('actions.added') : ''}
        </Text>
      </Stack>
    </form>
  );
}

/** The inspected unit's part of an open action: upload evidence, say what was done, close it. */
export function CloseActionForm({
  inspectionId,
  action,
}: {
  inspectionId: string;
  action: FollowUpAction;
}) {
  const { t } = useTranslation('inspections');
  const errorMessage = useInspectionErrorMessage();
  const upload = useUploadEvidence(inspectionId);
  const close = useCloseAction(inspectionId);
  const [note, setNote] = useState('');
  const failure = upload.error ?? close.error;
  return (
    <Stack gap="sm" mt="xs">
      <FileInput
        label={t('actions.uploadEvidence', { title: action.title })}
        accept={EVIDENCE_ACCEPT}
        clearable={false}
        value={null}
        disabled={upload.isPending}
        onChange={(file) => {
          close.reset();
          if (file) upload.mutate({ file, actionId: action.id });
        }}
      />
      <Text role="status" aria-live="polite" size="sm">
        {upload.data ? t('record.uploaded', { name: upload.data.fileName }) : ''}
      </Text>
      <Textarea
        label={t('actions.note', { title: action.title })}
        autosize
        minRows={2}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      {failure ? (
        <Alert color="red" role="alert">
          {errorMessage(failure)}
        </Alert>
      ) : null}
      <Group>
        <Button
          loading={close.isPending}
          // The title names the action to assistive technology; on screen the card already shows
          // it, and a long one would be cut off on a phone's button.
          aria-label={t('actions.close', { title: action.title })}
          onClick={() => {
            upload.reset();
            close.mutate({ actionId: action.id, note: note.trim() });
          }}
        >
          {t('actions.closeShort')}
        </Button>
      </Group>
    </Stack>
  );
}
