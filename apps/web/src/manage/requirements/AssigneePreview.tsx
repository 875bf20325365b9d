import { Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../format';
import type { TargetBody } from './queries';
import { useTargetPreview } from './queries';

/**
 * How many people the requirement being written would assign, counted by the server with the
 * assignment's own rule and kept up to date as the answers change (half a second after the last
 * change, so typing a position does not ask at every key).
 */
export function AssigneePreview({ target }: { target: TargetBody | null }) {
  const { t } = useTranslation('manageRequirements');
  const errorMessage = useErrorMessage();
  const [asked] = useDebouncedValue(target, 500);
  const preview = useTargetPreview(asked);
  const settling = JSON.stringify(asked) !== JSON.stringify(target) || preview.isFetching;
  const body = (() => {
    if (!target) return <Text>{t('form.previewPick')}</Text>;
    if (preview.isError) return <Text c="red.9">{errorMessage(preview.error)}</Text>;
    if (!preview.data) return <Text>{t('form.previewCounting')}</Text>;
    const { assignees, sample } = preview.data;
    if (assignees === 0) return <Text fw={600}>{t('form.previewNobody')}</Text>;
    const names = sample.map((person) => person.fullName).join(', ');
    const more = assignees - sample.length;
    return (
      <>
        <Text fw={600} size="lg">
          {t('form.previewCount', { count: assignees, n: formatNumber(assignees, 0) })}
        </Text>
        <Text size="sm">
          {t('form.previewSample', {
            names: more > 0 ? t('form.previewMore', { names, n: formatNumber(more, 0) }) : names,
          })}
        </Text>
      </>
    );
  })();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignee-preview" bg="blue.0">
      <Title order={2} size="h4" id="assignee-preview" mb="xs">
        {t('form.preview')}
      </Title>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        {/* Announced when it changes, without taking the focus from the field being edited. */}
        <div aria-live="polite" aria-atomic="true">
          {body}
        </div>
        {settling && target ? <Loader size="xs" aria-hidden="true" /> : null}
      </Group>
    </Paper>
  );
}
