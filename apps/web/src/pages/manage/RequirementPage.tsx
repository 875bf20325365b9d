import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useRequirementErrorMessage } from '../../manage/requirements/errors';
import '../../manage/requirements/i18n';
import {
  REQUIREMENT_SETTERS,
  type Requirement,
  type RequirementBody,
  requirementKeys,
  useRequirement,
} from '../../manage/requirements/queries';
import { valuesOf } from '../../manage/requirements/requirement-form';
import { RequirementForm } from '../../manage/requirements/RequirementForm';
import { VersionHistory } from '../../manage/requirements/VersionHistory';
import '../../studio/i18n';
import { UnsavedChangesGuard } from '../../studio/unsaved';

/** One requirement: its form (a save writes the next version) and its version history. */
export function Component() {
  const { id = '' } = useParams();
  const { t } = useTranslation('manageRequirements');
  const { hasRole } = useSession();
  const queryClient = useQueryClient();
  const errorMessage = useRequirementErrorMessage();
  const requirement = useRequirement(id);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const save = (body: RequirementBody) =>
    unwrap(api.PUT('/api/v1/training/requirements/{id}', { params: { path: { id } }, body }));
  const onSaved = useCallback(
    (saved: Requirement) => {
      setSavedVersion(saved.version);
      queryClient.setQueryData(requirementKeys.one(id), saved);
      void queryClient.invalidateQueries({ queryKey: requirementKeys.all });
    },
    [id, queryClient],
  );
  if (requirement.isPending) return <PageLoader />;
  if (requirement.isError)
    return (
      <Stack maw={1200} mx="auto">
        <PageTitle>{t('form.editTitle')}</PageTitle>
        {/* Not there or not theirs: the page says so in its own words, with nothing to retry. */}
        {retryUnlessRefused(requirement.error, () => undefined) ? (
          <ApiErrorAlert error={requirement.error} onRetry={() => void requirement.refetch()} />
        ) : (
          <Text role="alert">{errorMessage(requirement.error)}</Text>
        )}
      </Stack>
    );
  const current = requirement.data;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <UnsavedChangesGuard />
      <PageTitle>{current.title}</PageTitle>
      <Group gap="sm">
        <Badge variant="outline" color="dark" tt="none">
          {t('current', { version: current.version })}
        </Badge>
        {savedVersion !== null ? (
          <Text role="status" c="teal.9" fw={600}>
            {t('form.saved', { version: savedVersion })}
          </Text>
        ) : null}
      </Group>
      {hasRole(...REQUIREMENT_SETTERS) ? (
        <>
          <Text>{t('form.intro')}</Text>
          <RequirementForm
            // A new version starts from the current one; a save makes the form current again.
            key={current.version}
            initial={valuesOf(current)}
            editing
            save={save}
            onSaved={onSaved}
          />
        </>
      ) : null}
      <VersionHistory requirementId={id} />
    </Stack>
  );
}
