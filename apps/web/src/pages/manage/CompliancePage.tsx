import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { retryUnlessRefused } from '../../admin/admin-shared';
import { useSession } from '../../auth/session';
import { ApiErrorAlert, useErrorMessage } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { showToast } from '../../components/toasts';
import { ChildrenTable } from '../../manage/compliance/ChildrenTable';
import { ComplianceBarChart } from '../../manage/compliance/ComplianceBarChart';
import { type ComplianceTree, drillDown, worstFirst } from '../../manage/compliance/figures';
import { SnapshotComparison } from '../../manage/compliance/SnapshotComparison';
import { TakeSnapshotForm } from '../../manage/compliance/TakeSnapshotForm';
import { TrendChart } from '../../manage/compliance/TrendChart';
import { trailOf } from '../../components/trail';
import { UnitFigures } from '../../manage/compliance/UnitFigures';
import { useCompliance, useComplianceCsv, useSnapshots } from '../../manage/compliance/queries';
import { ManageNav } from '../../manage/ManageNav';
import { figuresPath, homeOrgUnit, MANAGE_ROLES, MANAGE_WRITERS } from '../../manage/roles';

/**
 * Compliance of an org unit for those who answer for it: its figures, its units one level down
 * worst first (each a way down), a chart of them, the frozen periods as a trend, and the CSV.
 * The first view asks the api twice: the unit (with its children) and its snapshots' headlines.
 */
export function Component() {
  const { t } = useTranslation('manage');
  const { user, hasRole } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const grants = user?.roles ?? [];
  const home = homeOrgUnit(grants);
  const orgUnitId = params.get('orgUnitId') ?? home;
  const compliance = useCompliance(orgUnitId);
  const snapshots = useSnapshots(orgUnitId);
  const writer = hasRole(...MANAGE_WRITERS);
  if (user && !hasRole(...MANAGE_ROLES))
    return <ApiErrorAlert error={new ApiError(403, 'FORBIDDEN')} />;
  return (
    <Stack maw={1200} mx="auto" gap="lg">
      <ManageNav />
      <div>
        <PageTitle>{compliance.data?.name ?? t('compliance.title')}</PageTitle>
        {compliance.data ? (
          <Text c="dimmed" mt={-12} mb="xs">
            {t('compliance.title')}
          </Text>
        ) : null}
        <Text>{t('compliance.intro')}</Text>
        {writer ? null : (
          <Text size="sm" mt="xs">
            {t('compliance.readOnly')}
          </Text>
        )}
      </div>
      {orgUnitId === undefined ? (
        <Alert color="blue">
          {grants.some((grant) => grant.scopeType === 'admin_unit') ? (
            <>
              {t('compliance.adminUnitScope')}{' '}
              <Anchor
                component={Link}
                to={figuresPath(grants)}
                c="inherit"
                underline="always"
                size="sm"
              >
                {t('compliance.areaFigures')}
              </Anchor>
            </>
          ) : (
            t('compliance.noUnit')
          )}
        </Alert>
      ) : null}
      {compliance.isPending && orgUnitId !== undefined ? <PageLoader /> : null}
      {compliance.isError ? (
        <ApiErrorAlert
          error={compliance.error}
          onRetry={retryUnlessRefused(compliance.error, () => void compliance.refetch())}
        />
      ) : null}
      {compliance.data ? (
        <UnitView
          unit={compliance.data}
          home={home}
          state={location.state as unknown}
          snapshots={snapshots}
          writer={writer}
        />
      ) : null}
    </Stack>
  );
}

function UnitView({
  unit,
  home,
  state,
  snapshots,
  writer,
}: {
  unit: ComplianceTree;
  home: string | undefined;
  state: unknown;
  snapshots: ReturnType<typeof useSnapshots>;
  writer: boolean;
}) {
  const { t } = useTranslation('manage');
  const trail = trailOf(state);
  const children = worstFirst(unit.children);
  const here = [...trail, { id: unit.orgUnitId, name: unit.name }];
  const startsHome = trail[0]?.id === home || unit.orgUnitId === home;
  return (
    <Stack gap="lg">
      {trail.length > 0 || !startsHome ? (
        <nav aria-label={t('compliance.breadcrumb')}>
          {/* A unit's name can be long: crumbs wrap their words rather than widen the page. */}
          <Breadcrumbs
            separator="›"
            styles={{ breadcrumb: { whiteSpace: 'normal', lineHeight: 1.4, minWidth: 0 } }}
          >
            {!startsHome && home ? (
              <Anchor component={Link} to={drillDown(home)} size="sm">
                {t('compliance.home')}
              </Anchor>
            ) : null}
            {trail.map((crumb, index) => (
              <Anchor
                key={crumb.id}
                component={Link}
                to={drillDown(crumb.id)}
                state={{ trail: trail.slice(0, index) }}
                size="sm"
              >
                {crumb.name}
              </Anchor>
            ))}
            <Text size="sm" aria-current="page">
              {unit.name}
            </Text>
          </Breadcrumbs>
        </nav>
      ) : null}
      <UnitFigures unit={unit} />
      <CsvExport orgUnitId={unit.orgUnitId} name={unit.name} />
      <Stack gap="xs">
        <Text component="h2" fw={600} size="lg">
          {t('compliance.children.title')}
        </Text>
        {children.length === 0 ? (
          <Text>{t('compliance.children.leaf')}</Text>
        ) : (
          <ChildrenTable rows={children} trail={here} />
        )}
      </Stack>
      <ComplianceBarChart rows={children} />
      <Stack gap="sm">
        <Text component="h2" fw={600} size="lg">
          {t('compliance.snapshots.title')}
        </Text>
        <Text size="sm">{t('compliance.snapshots.intro')}</Text>
        {writer ? <TakeSnapshotForm orgUnitId={unit.orgUnitId} /> : null}
        {snapshots.isPending ? <PageLoader /> : null}
        {snapshots.isError ? (
          <ApiErrorAlert error={snapshots.error} onRetry={() => void snapshots.refetch()} />
        ) : null}
        {snapshots.data?.length === 0 ? (
          <Text>
            {writer ? t('compliance.snapshots.none') : t('compliance.snapshots.noneReadOnly')}
          </Text>
        ) : null}
        {snapshots.data && snapshots.data.length > 0 ? (
          <>
            <TrendChart snapshots={snapshots.data} />
            <SnapshotComparison
              key={snapshots.data.map((snapshot) => snapshot.id).join()}
              snapshots={snapshots.data}
            />
          </>
        ) : null}
      </Stack>
    </Stack>
  );
}

function CsvExport({ orgUnitId, name }: { orgUnitId: string; name: string }) {
  const { t } = useTranslation('manage');
  const errorMessage = useErrorMessage();
  const csv = useComplianceCsv(orgUnitId);
  return (
    <Group gap="sm">
      <Button
        variant="light"
        loading={csv.isPending}
        onClick={() =>
          csv.mutate(undefined, {
            onError: (error) =>
              showToast({ color: 'red', message: errorMessage(error), autoClose: 8000 }),
          })
        }
      >
        {t('compliance.export.button')}
      </Button>
      <Text size="sm">{t('compliance.export.hint', { name })}</Text>
    </Group>
  );
}
