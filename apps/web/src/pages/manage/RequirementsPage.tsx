import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format';
import { ListPager } from '../../learner/ListPager';
import { ManageNav } from '../../manage/ManageNav';
import { describeRequirement } from '../../manage/requirements/describe';
import '../../manage/requirements/i18n';
import { useNames } from '../../manage/requirements/names';
import {
  REQUIREMENT_SETTERS,
  REQUIREMENTS_PAGE_SIZE,
  useManagedRoots,
  useRequirements,
  useUnit,
  useUnitLevel,
} from '../../manage/requirements/queries';

/** The requirements of the units the person manages, each said in one plain sentence. */
export function Component() {
  const { t } = useTranslation('manageRequirements');
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('orgUnitId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setSearch = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next))
      if (value) merged.set(key, value);
      else merged.delete(key);
    setParams(merged);
  };
  const allowed = hasRole(...REQUIREMENT_SETTERS);
  const requirements = useRequirements(orgUnitId, page);
  const items = requirements.data?.items ?? [];
  const names = useNames(
    items.map((requirement) => requirement.orgUnitId),
    items.map((requirement) => requirement.courseId),
  );
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <ManageNav />
      <PageTitle>{t('list.title')}</PageTitle>
      <Text>{t('list.intro')}</Text>
      {!allowed ? (
        <Text>{t('list.noScope')}</Text>
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <UnitFilter
              value={orgUnitId}
              onChange={(id) => setSearch({ orgUnitId: id, page: undefined })}
            />
            <Button component={Link} to="/manage/requirements/new">
              {t('list.create')}
            </Button>
          </Group>
          {requirements.isPending ? <PageLoader /> : null}
          {requirements.isError ? (
            <ApiErrorAlert error={requirements.error} onRetry={() => void requirements.refetch()} />
          ) : null}
          {requirements.data ? (
            <Text size="sm" aria-live="polite">
              {t('list.count', { count: requirements.data.total })}
            </Text>
          ) : null}
          {requirements.data && items.length === 0 ? <Text>{t('list.empty')}</Text> : null}
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((requirement) => (
              <Card key={requirement.id} withBorder component="li" padding="md">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Title order={2} size="h4">
                    <Anchor
                      component={Link}
                      to={`/manage/requirements/${requirement.id}`}
                      aria-label={t('list.openNamed', { title: requirement.title })}
                    >
                      {requirement.title}
                    </Anchor>
                  </Title>
                  <Badge variant="outline" color="dark" tt="none">
                    {t('list.version', { version: requirement.version })}
                  </Badge>
                </Group>
                <Text mt="xs">
                  {describeRequirement(t, requirement, {
                    unit: names.unit(requirement.orgUnitId),
                    course: names.course(requirement.courseId),
                  })}
                </Text>
                <Text size="sm" c="gray.7" mt={4}>
                  {t('list.updated', { date: formatDate(requirement.updatedAt) })}
                </Text>
              </Card>
            ))}
          </Stack>
          {requirements.data ? (
            <ListPager
              page={page}
              total={requirements.data.total}
              pageSize={REQUIREMENTS_PAGE_SIZE}
              onChange={(next) => setSearch({ page: String(next) })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

/** The units to narrow the list to: the person's own units and the ones just below them. */
function UnitFilter(props: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('manageRequirements');
  const { roots } = useManagedRoots();
  const first = useUnit(roots[0] ?? null);
  const below = useUnitLevel(roots[0] ?? null, roots.length > 0);
  const options = first.data
    ? [
        { value: first.data.id, label: first.data.name },
        ...(below.data ?? []).map((child) => ({
          value: child.id,
          label: `\u00a0\u00a0\u00a0${child.name}`,
        })),
      ]
    : [];
  if (roots.length === 0) return <span />;
  return (
    <NativeSelect
      label={t('list.unit')}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(event.currentTarget.value || undefined)}
      data={[{ value: '', label: t('list.allUnits') }, ...options]}
      style={{ flex: '1 1 18rem', maxWidth: 480 }}
    />
  );
}
