import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import './i18n';
import {
  type EvidenceFile,
  formatCalendarDay,
  type FollowUpAction,
  type InspectionStatus,
  type InspectionSummary,
} from './queries';

/** Filled badges in AA-contrast shades (light tints fail axe on white). */
const STATUS_COLOR: Record<InspectionStatus, string> = {
  planned: 'violet.8',
  published: 'teal.9',
};

export function InspectionStatusBadge({ status }: { status: InspectionStatus }) {
  const { t } = useTranslation('inspections');
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

const ACTION_COLOR = { open: 'gray.7', overdue: 'red.9', closed: 'teal.9' } as const;

export function ActionStatusBadge({ action }: { action: FollowUpAction }) {
  const { t } = useTranslation('inspections');
  const state = action.status === 'closed' ? 'closed' : action.overdue ? 'overdue' : 'open';
  return (
    <Badge color={ACTION_COLOR[state]} variant="filled" tt="none">
      {t(`actions.${state}`)}
    </Badge>
  );
}

/** The day, the team, the status and (unless the page computes it live) the overall result. */
export function InspectionFacts({
  inspection,
  withTotal = true,
}: {
  inspection: InspectionSummary;
  withTotal?: boolean;
}) {
  const { t } = useTranslation('inspections');
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <InspectionStatusBadge status={inspection.status} />
        <Text size="sm">{t('plannedOn', { day: formatCalendarDay(inspection.plannedOn) })}</Text>
      </Group>
      <Text size="sm">{t('team', { names: inspection.team.join(', ') })}</Text>
      {withTotal ? (
        <Text size="sm" fw={600}>
          {inspection.total === null
            ? t('noTotal')
            : t('total', { total: formatNumber(inspection.total) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Evidence files as links that open them (signed, so no sign-in is needed to follow them). */
export function EvidenceLinks({ files }: { files: EvidenceFile[] }) {
  const { t } = useTranslation('inspections');
  if (files.length === 0) return <Text size="sm">{t('record.noEvidence')}</Text>;
  return (
    <List size="sm" aria-label={t('record.evidence')}>
      {files.map((file) => (
        <List.Item key={file.id}>
          <Anchor href={file.url} style={{ overflowWrap: 'anywhere' }}>
            {file.fileName}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}
