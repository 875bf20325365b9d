import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { EvidenceLinks } from './InspectionParts';
import type { Criterion } from './queries';

/** The scored checklist as published: each criterion's weight, score, note and evidence. */
export function CriteriaView({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation('inspections');
  return (
    <Stack gap="sm">
      {criteria.map((criterion) => (
        <Card
          key={criterion.position}
          withBorder
          padding="sm"
          component="section"
          aria-label={criterion.label}
        >
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {criterion.label}
              </Text>
              <Text size="sm">{t('weight', { weight: criterion.weight })}</Text>
            </Group>
            <Text size="sm" fw={600}>
              {criterion.score === null
                ? t('record.notScored')
                : `${formatNumber(criterion.score)}/100`}
            </Text>
            {criterion.note ? <Text size="sm">{criterion.note}</Text> : null}
            <EvidenceLinks files={criterion.evidence} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
