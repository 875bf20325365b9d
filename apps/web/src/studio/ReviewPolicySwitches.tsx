import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useStudioErrorMessage } from './errors';
import { type StudioFacility, studioKeys, useStudioFacilities } from './queries';

function PolicySwitch({ facility }: { facility: StudioFacility }) {
  const { t } = useTranslation('studio');
  const queryClient = useQueryClient();
  const errorMessage = useStudioErrorMessage();
  const set = useMutation({
    mutationFn: (requiresReview: boolean) =>
      unwrap(
        api.PUT('/api/v1/facilities/{id}/course-review-policy', {
          params: { path: { id: facility.id } },
          body: { requiresReview },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studioKeys.facilities }),
  });
  return (
    <Switch
      label={t('review.policy', { facility: facility.name })}
      checked={set.isPending ? set.variables : facility.requiresReview}
      disabled={set.isPending}
      error={set.isError ? errorMessage(set.error) : undefined}
      onChange={(event) => set.mutate(event.currentTarget.checked)}
    />
  );
}

/** Whether each facility the person approves at reviews its courses before publishing. */
export function ReviewPolicySwitches() {
  const { t } = useTranslation('studio');
  const facilities = useStudioFacilities();
  const approving = facilities.data?.items.filter((facility) => facility.approver) ?? [];
  if (approving.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="review-policy-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="review-policy-title">
          {t('review.policyTitle')}
        </Title>
        <Text size="sm">{t('review.policyHint')}</Text>
        {approving.map((facility) => (
          <PolicySwitch key={facility.id} facility={facility} />
        ))}
      </Stack>
    </Card>
  );
}
