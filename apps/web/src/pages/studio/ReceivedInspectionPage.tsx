import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format';
import { ActionCard, CloseActionForm } from '../../inspections/ActionViews';
import { CriteriaView } from '../../inspections/CriteriaView';
import { InspectionFacts } from '../../inspections/InspectionParts';
import { useInspection } from '../../inspections/queries';
import { StudioNav } from '../../studio/StudioNav';

/**
 * A published inspection report as the inspected unit reads it (`/studio/inspections/:id`):
 * the scored checklist, and the follow-up actions it closes with evidence.
 */
export function Component() {
  const { t } = useTranslation('inspections');
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  const data = inspection.data;
  return (
    <Stack maw={960} mx="auto" gap="md">
      <StudioNav />
      <Anchor component={Link} to="/studio/inspections" size="sm">
        {t('inbox.back')}
      </Anchor>
      {inspection.isPending ? <PageLoader /> : null}
      {inspection.isError ? (
        <ApiErrorAlert error={inspection.error} onRetry={() => void inspection.refetch()} />
      ) : null}
      {data ? (
        <>
          <PageTitle>{t('record.title', { target: data.targetName })}</PageTitle>
          <InspectionFacts inspection={data} />
          {data.publishedAt ? (
            <Text size="sm">{t('record.readOnly', { at: formatDateTime(data.publishedAt) })}</Text>
          ) : null}
          {data.summary ? <Text>{data.summary}</Text> : null}
          <CriteriaView criteria={data.criteria} />
          <Title order={2} size="h3">
            {t('actions.title')}
          </Title>
          {data.actions.length === 0 ? <Text size="sm">{t('actions.empty')}</Text> : null}
          {data.actions.map((action) => (
            <ActionCard key={action.id} action={action}>
              {action.status === 'open' ? (
                <CloseActionForm inspectionId={data.id} action={action} />
              ) : null}
            </ActionCard>
          ))}
        </>
      ) : null}
    </Stack>
  );
}
