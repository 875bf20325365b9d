import {
  Anchor,
  Breadcrumbs,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { FACILITY_TYPES, isFacilityType } from '../catalogue/catalogue-search';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { type FigureColumn, FiguresTable } from '../components/FiguresTable';
import { PageLoader } from '../components/PageLoader';
import { PageTitle } from '../components/PageTitle';
import { type Crumb, trailOf } from '../components/trail';
import { EnrollmentsChart } from '../figures/EnrollmentsChart';
import { figureText } from '../figures/figure-text';
import '../figures/i18n';
import { chosenPeriod, offeredPeriods, periodParts } from '../figures/periods';
import {
  type FigureNode,
  type FigureTree,
  type FiguresChoice,
  figuresQuery,
  type Indicator,
  useFigures,
  useIndicators,
} from '../figures/queries';

/**
 * The programme's public figures: a period, a facility type and an area (the country first),
 * the area's figures, then one row per area one level down, each a way down. The choice lives in
 * the address, so a link shares exactly what is on screen. No sign-in, no personal data.
 */
export function Component() {
  const { t } = useTranslation('figures');
  const [params, setParams] = useSearchParams();
  const offered = offeredPeriods(new Date());
  const type = params.get('facilityType') ?? '';
  const choice: FiguresChoice = {
    period: chosenPeriod(params.get('period'), offered),
    adminUnitId: params.get('adminUnitId') ?? undefined,
    facilityType: isFacilityType(type) ? type : undefined,
  };
  const indicators = useIndicators();
  const figures = useFigures(choice);
  const choose = (change: Partial<Record<'period' | 'facilityType', string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change))
          if (value) next.set(key, value);
          else next.delete(key);
        return next;
      },
      { preventScrollReset: true },
    );
  const periodLabel = usePeriodLabel();
  return (
    <Stack maw={1200} mx="auto" gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text>{t('intro')}</Text>
        <Text size="sm" mt="xs">
          {t('privacy')}
        </Text>
      </div>
      <Group component="form" aria-label={t('filters')} gap="md" align="flex-end">
        <NativeSelect
          label={t('period')}
          value={choice.period}
          onChange={(event) => choose({ period: event.currentTarget.value })}
          data={offered.map((period) => ({ value: period, label: periodLabel(period) }))}
        />
        <NativeSelect
          label={t('facilityType')}
          value={choice.facilityType ?? ''}
          onChange={(event) => choose({ facilityType: event.currentTarget.value })}
          data={[
            { value: '', label: t('allTypes') },
            ...FACILITY_TYPES.map((value) => ({
              value,
              label: t(`facilityType.${value}`, { ns: 'translation' }),
            })),
          ]}
        />
      </Group>
      {figures.isPending || indicators.isPending ? <PageLoader /> : null}
      {figures.isError ? (
        <ApiErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />
      ) : null}
      {indicators.isError ? (
        <ApiErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
      ) : null}
      {figures.data && indicators.data ? (
        <AreaFigures tree={figures.data} indicators={indicators.data} choice={choice} />
      ) : null}
    </Stack>
  );
}

/** "Năm 2026", "Quý 3/2026". */
function usePeriodLabel(): (period: string) => string {
  const { t } = useTranslation('figures');
  return (period) => {
    const { year, quarter } = periodParts(period);
    return quarter === undefined ? t('year', { year }) : t('quarter', { year, quarter });
  };
}

/** The address of an area's figures, keeping the period and the facility type. */
function areaLink(choice: FiguresChoice, adminUnitId: string | null): string {
  const query = new URLSearchParams(
    figuresQuery({ ...choice, adminUnitId: adminUnitId ?? undefined }),
  );
  return `/figures?${query.toString()}`;
}

function AreaFigures({
  tree,
  indicators,
  choice,
}: {
  tree: FigureTree;
  indicators: Indicator[];
  choice: FiguresChoice;
}) {
  const { t, i18n } = useTranslation('figures');
  const location = useLocation();
  const periodLabel = usePeriodLabel();
  const name = tree.adminUnitId === null ? t('country') : tree.name;
  const trail = tree.adminUnitId === null ? [] : trailOf(location.state);
  // The way down to the units below: the country is the breadcrumb's fixed first step.
  const here: Crumb[] = tree.adminUnitId === null ? [] : [...trail, { id: tree.adminUnitId, name }];
  const label = (indicator: Indicator) =>
    i18n.language === 'en' ? indicator.name.en : indicator.name.vi;
  const period = periodLabel(tree.period);
  return (
    <Stack gap="lg">
      {tree.adminUnitId !== null ? (
        <nav aria-label={t('breadcrumb')}>
          <Breadcrumbs
            separator="›"
            styles={{ breadcrumb: { whiteSpace: 'normal', lineHeight: 1.4, minWidth: 0 } }}
          >
            {[{ id: '', name: t('country') }, ...trail].map((crumb, index) => (
              <Anchor
                key={crumb.id}
                component={Link}
                to={areaLink(choice, crumb.id || null)}
                state={{ trail: trail.slice(0, Math.max(0, index - 1)) }}
                size="sm"
              >
                {crumb.name}
              </Anchor>
            ))}
            <Text size="sm" aria-current="page">
              {name}
            </Text>
          </Breadcrumbs>
        </nav>
      ) : null}
      <Stack gap="xs">
        <Text component="h2" fw={600} size="xl">
          {t('heading', { name, period })}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
          {indicators.map((indicator) => (
            <Paper key={indicator.code} withBorder p="sm" radius="md">
              <Text component="dt" size="sm" title={indicator.definition}>
                {label(indicator)}
              </Text>
              <Text component="dd" m={0} fw={700} size="xl">
                {figureText(indicator, tree.figures[indicator.code])}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
      <Group gap="sm">
        <Anchor
          href={`/api/v1/monitoring/figures.csv?${new URLSearchParams(figuresQuery(choice)).toString()}`}
          download
        >
          {t('csv')}
        </Anchor>
        <Text size="sm">{t('csvHint', { name })}</Text>
      </Group>
      <Stack gap="xs">
        <Text component="h2" fw={600} size="lg">
          {t('children.title')}
        </Text>
        {tree.children.length === 0 ? (
          <Text>{t('children.leaf')}</Text>
        ) : (
          <FiguresTable
            caption={t('children.caption', { name, period })}
            minWidth={1200}
            rows={tree.children}
            rowKey={(row) => row.adminUnitId ?? ''}
            rowHeader={{
              header: t('children.unit'),
              cell: (row) => (
                <Anchor
                  component={Link}
                  to={areaLink(choice, row.adminUnitId)}
                  state={{ trail: here }}
                  aria-label={t('children.open', { name: row.name })}
                >
                  {row.name}
                </Anchor>
              ),
            }}
            columns={indicators.map((indicator): FigureColumn<FigureNode> => ({
              header: label(indicator),
              numeric: true,
              cell: (row) => figureText(indicator, row.figures[indicator.code]),
            }))}
          />
        )}
      </Stack>
      <EnrollmentsChart rows={tree.children} />
    </Stack>
  );
}
