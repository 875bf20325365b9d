import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import '../../studio/i18n';
import { useStudioFacilities } from '../../studio/queries';
import { StudioNav } from '../../studio/StudioNav';
import { UnsavedChangesGuard } from '../../studio/unsaved';
import { TemplateEditor } from '../../studio/templates/TemplateEditor';
import { useFacilityTemplates, usePlaceholders } from '../../studio/templates/template-queries';

/**
 * A facility's certificate template (`/studio/facilities/:facilityId/certificate-template`), for
 * its facility admins. Without a facility in the address: the facilities the person manages, or
 * straight to the only one.
 */
export function Component() {
  const { t } = useTranslation('studio');
  const { facilityId } = useParams();
  const facilities = useStudioFacilities();
  const managed = facilities.data?.items.filter((facility) => facility.approver) ?? [];
  const facility = managed.find((item) => item.id === facilityId);
  if (!facilityId && managed.length === 1)
    return <Navigate replace to={`/studio/facilities/${managed[0]!.id}/certificate-template`} />;
  return (
    <Stack maw={1200} mx="auto" gap="md">
      <StudioNav />
      <UnsavedChangesGuard />
      <PageTitle>
        {facility ? t('templates.titleOf', { facility: facility.name }) : t('templates.title')}
      </PageTitle>
      {facilities.isPending ? <PageLoader /> : null}
      {facilities.isError ? (
        <ApiErrorAlert error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : null}
      {facilities.data && managed.length === 0 ? <Text>{t('templates.noFacility')}</Text> : null}
      {facilityId ? (
        <>
          <Text>{t('templates.intro')}</Text>
          <FacilityTemplate facilityId={facilityId} />
        </>
      ) : managed.length > 1 ? (
        <>
          <Text>{t('templates.choose')}</Text>
          <List>
            {managed.map((item) => (
              <List.Item key={item.id}>
                <Anchor component={Link} to={`/studio/facilities/${item.id}/certificate-template`}>
                  {item.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}

function FacilityTemplate({ facilityId }: { facilityId: string }) {
  const templates = useFacilityTemplates(facilityId);
  const placeholders = usePlaceholders();
  const failed = templates.error ?? placeholders.error;
  if (failed)
    return (
      <ApiErrorAlert
        error={failed}
        onRetry={retryUnlessRefused(failed, () => {
          void templates.refetch();
          void placeholders.refetch();
        })}
      />
    );
  if (!templates.data || !placeholders.data) return <PageLoader />;
  const own = templates.data.find((template) => template.courseId === null) ?? null;
  return (
    // A new editor for another facility; a first save only hands it the saved template.
    <TemplateEditor
      key={facilityId}
      facilityId={facilityId}
      template={own}
      placeholders={placeholders.data}
    />
  );
}
