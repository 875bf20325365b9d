import { Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import '../../manage/requirements/i18n';
import {
  REQUIREMENT_SETTERS,
  type Requirement,
  type RequirementBody,
  requirementKeys,
  useManagedRoots,
} from '../../manage/requirements/queries';
import { emptyValues } from '../../manage/requirements/requirement-form';
import { RequirementForm } from '../../manage/requirements/RequirementForm';
import '../../studio/i18n';
import { UnsavedChangesGuard } from '../../studio/unsaved';

/** A new requirement: version 1, whose assignments follow in the background once saved. */
export function Component() {
  const { t } = useTranslation('manageRequirements');
  const { hasRole } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { roots } = useManagedRoots();
  const save = (body: RequirementBody) =>
    unwrap(api.POST('/api/v1/training/requirements', { body }));
  const onSaved = useCallback(
    (requirement: Requirement) => {
      void queryClient.invalidateQueries({ queryKey: requirementKeys.all });
      void navigate(`/manage/requirements/${requirement.id}`);
    },
    [navigate, queryClient],
  );
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <UnsavedChangesGuard />
      <PageTitle>{t('form.newTitle')}</PageTitle>
      {hasRole(...REQUIREMENT_SETTERS) ? (
        <>
          <Text>{t('form.intro')}</Text>
          <RequirementForm
            // One unit managed (the usual case): it is chosen already.
            initial={emptyValues(roots.length === 1 ? roots[0] : '')}
            editing={false}
            save={save}
            onSaved={onSaved}
          />
        </>
      ) : (
        <Text>{t('list.noScope')}</Text>
      )}
    </Stack>
  );
}
