import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { formatDateTime } from '../../format';
import { versionChanges } from './changes';
import { describeRequirement } from './describe';
import { useNames } from './names';
import { useRequirementVersions } from './queries';

/**
 * Every version of the requirement, newest first, each with what it changed from the one
 * before, field by field in words ("Hạn hoàn thành: trong 30 ngày → trong 45 ngày").
 */
export function VersionHistory({ requirementId }: { requirementId: string }) {
  const { t } = useTranslation('manageRequirements');
  const versions = useRequirementVersions(requirementId);
  const items = versions.data?.items ?? [];
  const names = useNames(
    items.map((version) => version.orgUnitId),
    items.map((version) => version.courseId),
  );
  return (
    <Card withBorder component="section" aria-labelledby="version-history" padding="md">
      <Title order={2} size="h3" id="version-history">
        {t('history.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('history.intro')}
      </Text>
      {versions.isPending ? <PageLoader /> : null}
      {versions.isError ? (
        <ApiErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />
      ) : null}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {[...items].reverse().map((version) => {
          const before = items.find((other) => other.version === version.version - 1);
          const changes = before ? versionChanges(t, before, version, names) : [];
          const when = formatDateTime(version.createdAt);
          return (
            <li key={version.version}>
              <Title order={3} size="h5">
                {t('history.version', { version: version.version })}
              </Title>
              <Text size="sm" c="gray.7">
                {version.authorName
                  ? t('history.by', { date: when, name: version.authorName })
                  : t('history.byUnknown', { date: when })}
              </Text>
              {!before ? (
                <Text size="sm">
                  {t('history.created')}{' '}
                  {describeRequirement(t, version, {
                    unit: names.unit(version.orgUnitId),
                    course: names.course(version.courseId),
                  })}
                </Text>
              ) : changes.length === 0 ? (
                <Text size="sm">{t('history.nothingChanged')}</Text>
              ) : (
                <List size="sm" spacing={2}>
                  {changes.map((change) => (
                    <List.Item key={change.field}>
                      {t('history.change', {
                        field: t(`history.fields.${change.field}`),
                        before: change.before,
                        after: change.after,
                      })}
                    </List.Item>
                  ))}
                </List>
              )}
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
